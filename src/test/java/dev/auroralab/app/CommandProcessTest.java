package dev.auroralab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user starts it: a fresh JVM through {@link Launcher}, with no display. Checks what an
 * in-process test cannot: that run and validate never load a JavaFX class, and that screenshot sets up headless
 * Monocle by itself, exits, and prints one line.
 */
@Timeout(120)
class CommandProcessTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run launch(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        Process p = start(jvmOptions, args);
        if (!p.waitFor(100, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command did not end: " + List.of(args));
        }
        return new Run(p.exitValue(), Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    /** Starts the launcher in a fresh JVM with no display; its output goes to stdout.txt and stderr.txt. */
    private Process start(List<String> jvmOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String cache = System.getProperty("javafx.cachedir");
        if (cache != null) {
            cmd.add("-Djavafx.cachedir=" + cache);
        }
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        Path outFile = dir.resolve("stdout.txt");
        Path errFile = dir.resolve("stderr.txt");
        pb.redirectOutput(outFile.toFile());
        pb.redirectError(errFile.toFile());
        return pb.start();
    }

    @Test
    void runValidateMythsAndQuizLoadNoJavaFxClass() throws Exception {
        Path scenario = dir.resolve("healthy.yaml");
        try (var in = getClass().getClassLoader().getResourceAsStream("scenarios/healthy-cluster.yaml")) {
            Files.copy(in, scenario);
        }
        for (String[] args : List.of(new String[] {"validate", scenario.toString()},
                new String[] {"run", scenario.toString(), "--duration", "1s"}, new String[] {"myths", "5x-mysql"},
                new String[] {"quiz", "--list"})) {
            Run r = launch(List.of("-Xlog:class+load=info"), args);
            assertThat(r.code()).as(args[0] + ": " + r.err()).isZero();
            assertThat(r.out()).as(args[0]).contains("dev.auroralab.app.Launcher")
                    .doesNotContain(" javafx.").doesNotContain("com.sun.javafx").doesNotContain("com.sun.glass");
        }
    }

    @Test
    void theWindowsArgumentsAreCheckedBeforeJavaFxStartsAndABadOneExitsTwo() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "schemaVersion: 1\ncluster:\n\tregion: us-east-1\n");

        Run badFile = launch(List.of("-Xlog:class+load=info"), "--scenario", bad.toString());
        assertThat(badFile.code()).isEqualTo(2);
        assertThat(badFile.err()).isEqualTo("bad.yaml:3:1: YAML syntax error: found a tab where YAML expects spaces."
                + " Indent with spaces, not tabs" + System.lineSeparator());
        assertThat(badFile.out()).contains("dev.auroralab.app.WindowArgs")
                .doesNotContain(" javafx.").doesNotContain("com.sun.javafx").doesNotContain("com.sun.glass");

        Run typo = launch(List.of(), "--scenari", "az-plus-one");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).startsWith("aurora-lab: unknown option '--scenari'. ")
                .contains("java -jar aurora-lab.jar --scenario FILE").doesNotContain("Exception");
    }

    /**
     * The window on a built-in scenario, on Monocle's headless platform: it opens (its main view is loaded) with
     * nothing on standard error, so neither "unknown command" nor JavaFX's class-path warning.
     */
    @Test
    void theWindowOpensOnAScenarioWithNothingOnStandardError() throws Exception {
        Process p = start(List.of("-Xlog:class+load=info", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Djava.awt.headless=true", "-Dheadless.geometry=1600x1000-32"),
                "--scenario", "az-plus-one");
        Path out = dir.resolve("stdout.txt");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (p.isAlive() && System.nanoTime() < deadline
                    && !Files.readString(out, StandardCharsets.UTF_8).contains("dev.auroralab.ui.MainView ")) {
                Thread.sleep(200);
            }
            // the window is built; give a late warning a moment to be printed
            Thread.sleep(1000);
            assertThat(p.isAlive()).as("the window is open: " + Files.readString(dir.resolve("stderr.txt"))).isTrue();
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("dev.auroralab.ui.MainView ");
        assertThat(Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void screenshotWorksWithNoDisplayAndPrintsOneLine() throws Exception {
        Path png = dir.resolve("window.png");

        Run r = launch(List.of(), "screenshot", "healthy-cluster", "--at", "5s", "--out", png.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("wrote " + png + " (1600x1000) at t=5s" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(1000);
    }
}
