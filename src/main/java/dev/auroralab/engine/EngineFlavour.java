package dev.auroralab.engine;

/**
 * Which database engine the cluster runs: Aurora MySQL or Aurora PostgreSQL. The storage is the same; a few
 * behaviours the model shows differ by flavour (aurora-reference §5, §6):
 * <ul>
 * <li>managed RPO ({@code rds.global_db_rpo}) exists on Aurora PostgreSQL only;</li>
 * <li>the survivable page cache: on Aurora MySQL an instance restarted in place keeps its buffer cache warm (UG
 * "survivable page cache"); on Aurora PostgreSQL the model starts it cold.</li>
 * </ul>
 * Model: no version numbers; the behaviours are those of current versions (Aurora MySQL 3, Aurora PostgreSQL 15+).
 */
public enum EngineFlavour {
    AURORA_MYSQL("aurora-mysql", "Aurora MySQL"), AURORA_POSTGRESQL("aurora-postgresql", "Aurora PostgreSQL");

    private final String key;
    private final String label;

    EngineFlavour(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The scenario's word: {@code aurora-mysql} or {@code aurora-postgresql}. */
    public String key() {
        return key;
    }

    /** "Aurora MySQL", "Aurora PostgreSQL". */
    public String label() {
        return label;
    }

    /** Managed RPO (rds.global_db_rpo) is a parameter of Aurora PostgreSQL only (UG, aurora-reference §6). */
    public boolean hasManagedRpo() {
        return this == AURORA_POSTGRESQL;
    }

    /** Aurora MySQL keeps the buffer cache across a restart in place (survivable page cache). */
    public boolean pageCacheSurvivesRestart() {
        return this == AURORA_MYSQL;
    }

    /** The flavour for a scenario word, or null. */
    public static EngineFlavour ofKey(String key) {
        for (EngineFlavour f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return key;
    }
}
