package dev.auroralab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Set;

/**
 * The arrows between packages, and what the engine may not touch. Packages may still be empty while
 * the project grows, so every rule allows an empty "that" clause.
 */
@AnalyzeClasses(packages = "dev.auroralab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ENGINE = "dev.auroralab.engine..";
    private static final String SCENARIO = "dev.auroralab.scenario..";
    private static final String UI = "dev.auroralab.ui..";
    private static final String APP = "dev.auroralab.app..";
    private static final String RUN = "dev.auroralab.run..";
    private static final String TEACH = "dev.auroralab.teach..";
    private static final String EXAM = "dev.auroralab.exam..";

    private static final Set<String> CURRENT_TIME_OWNERS = Set.of(
            Instant.class.getName(), LocalDateTime.class.getName(), LocalDate.class.getName(),
            LocalTime.class.getName(), ZonedDateTime.class.getName(), OffsetDateTime.class.getName());

    private static final DescribedPredicate<JavaCall<?>> READ_THE_CURRENT_TIME =
            DescribedPredicate.describe("read the current time via java.time *.now()",
                    call -> call.getName().equals("now")
                            && CURRENT_TIME_OWNERS.contains(call.getTargetOwner().getName()));

    // ---- engine: pure, deterministic Java ---------------------------------------------------

    @ArchTest
    static final ArchRule engineDoesNotUseJavaFxOrJackson = noClasses()
            .that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.fasterxml..")
            .because("the engine is plain Java: the UI draws its snapshots and the scenario package "
                    + "owns file formats, so the engine runs in tests and on the command line without either")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule engineDoesNotReadTheWallClock = noClasses()
            .that().resideInAPackage(ENGINE)
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethodWhere(READ_THE_CURRENT_TIME)
            .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
            .because("simulated time comes only from the scheduler, so scenario + seed + command log "
                    + "replays to the same events (time travel and golden tests depend on it)")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule engineUsesOnlySeededRandomness = noClasses()
            .that().resideInAPackage(ENGINE)
            .should().callMethod(Math.class, "random")
            .orShould().callMethod(StrictMath.class, "random")
            .orShould().dependOnClassesThat().areAssignableTo(ThreadLocalRandom.class)
            .orShould().callConstructor(Random.class)
            .orShould().callConstructor(SplittableRandom.class)
            .because("all randomness is split from one root seed per subsystem, so a failing run "
                    + "can be reproduced with seed=N")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule engineDoesNotStartThreads = noClasses()
            .that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().areAssignableTo(Thread.class)
            .orShould().dependOnClassesThat().areAssignableTo(Executor.class)
            .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, CompletableFuture.class, Timer.class)
            .because("the engine is single-threaded and advanced by hand; concurrency would make "
                    + "event order, and so every replay, depend on the OS scheduler")
            .allowEmptyShould(true);

    // ---- arrows between packages --------------------------------------------------------------

    @ArchTest
    static final ArchRule engineDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage(SCENARIO, RUN, TEACH, EXAM, UI, APP)
            .because("the engine is the core: scenario, ui and app depend on it, never the other way")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheEngineSeesItsMutableState = noClasses()
            .that().resideOutsideOfPackage(ENGINE)
            .should().dependOnClassesThat().haveNameMatching(
                    "dev\\.auroralab\\.engine\\.(EngineState|EngineContext|Region|Scheduled)(\\$.*)?")
            .because("the engine's state is one value that only its mechanisms change (decision 0013): the rest of"
                    + " the app reads snapshots and gives commands")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule scenarioDoesNotDependOnUiOrApp = noClasses()
            .that().resideInAPackage(SCENARIO)
            .should().dependOnClassesThat().resideInAnyPackage(RUN, TEACH, UI, APP)
            .because("scenario files are read the same way by the window and the command line")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule runIsPlainJavaBelowTheWindow = noClasses()
            .that().resideInAPackage(RUN)
            .should().dependOnClassesThat().resideInAnyPackage(TEACH, UI, APP, "javafx..")
            .because("one run driver serves the window, the command line and the tests (issue 13): seek, branches"
                    + " and samples must work headless and be the same wherever they are driven from")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule teachIsPlainJavaBelowTheWindow = noClasses()
            .that().resideInAPackage(TEACH)
            .should().dependOnClassesThat().resideInAnyPackage(UI, APP, "javafx..", "com.fasterxml..")
            .because("lessons, myth cards, the why trace and distance to failure (issue 14) are checked headless"
                    + " by the command line and the tests, exactly as the window shows them")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule examIsPlainJavaBelowTheWindow = noClasses()
            .that().resideInAPackage(EXAM)
            .should().dependOnClassesThat().resideInAnyPackage(RUN, TEACH, UI, APP, "javafx..", "com.fasterxml..")
            .because("the question bank (issue 15) is a model the terminal quiz, the tests and the window share: its"
                    + " file is read by the scenario package and its demonstrations are run by the run package")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheBankReaderOfScenarioKnowsTheExamModel = noClasses()
            .that().resideInAPackage(SCENARIO)
            // the bank's reader and the record's file, with their nested records (Loaded)
            .and().haveNameNotMatching("dev\\.auroralab\\.scenario\\.(QuestionBank|StudyRecord)[A-Za-z]*(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage(EXAM)
            .because("the exam model uses scenarios and expectations, so the scenario package builds it only in its"
                    + " bank reader (QuestionBankReader, QuestionBankMapper) and the learner's record file"
                    + " (StudyRecordFile): scenarios and lessons know nothing of"
                    + " exams (decision 0027)")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule uiDoesNotDependOnApp = noClasses()
            .that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAPackage(APP)
            .because("app is the wiring at the top: nothing depends on it")
            .allowEmptyShould(true);

    /**
     * The classes of {@code app} that may touch JavaFX (with their nested and anonymous classes): the window, and the
     * two commands that draw it ({@code screenshot}, {@code bench-render}). Each is loaded only on its own path.
     */
    private static final DescribedPredicate<JavaClass> JAVAFX_DOOR = namedOrNestedIn(
            "the window's JavaFX doors (WindowEntry, FxStartup, ScreenshotWindow, RenderBenchWindow)",
            "WindowEntry", "FxStartup", "ScreenshotWindow", "RenderBenchWindow");

    /** The only classes that may open those doors: the launcher (no arguments) and the two drawing commands. */
    private static final DescribedPredicate<JavaClass> DOOR_OPENER = namedOrNestedIn(
            "Launcher, ScreenshotCommand, RenderBenchCommand", "Launcher", "ScreenshotCommand", "RenderBenchCommand");

    private static DescribedPredicate<JavaClass> namedOrNestedIn(String description, String... simpleNames) {
        return DescribedPredicate.describe(description, c -> {
            for (String n : simpleNames) {
                String name = "dev.auroralab.app." + n;
                if (c.getName().equals(name) || c.getName().startsWith(name + "$")) {
                    return true;
                }
            }
            return false;
        });
    }

    @ArchTest
    static final ArchRule commandLineDoesNotLoadJavaFx = noClasses()
            .that().resideInAPackage(APP)
            .and(DescribedPredicate.not(JAVAFX_DOOR))
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the command line (run, validate, bench) must work without a display and must "
                    + "never start the JavaFX toolkit; only the window's doors touch JavaFX: WindowEntry, "
                    + "and FxStartup, ScreenshotWindow and RenderBenchWindow for screenshot and bench-render")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheWindowPathsOpenTheJavaFxDoors = noClasses()
            .that().resideInAPackage(APP)
            .and(DescribedPredicate.not(JAVAFX_DOOR))
            .and(DescribedPredicate.not(DOOR_OPENER))
            .should().dependOnClassesThat(JAVAFX_DOOR)
            .because("run, validate, bench, the registry and the argument parser reach no class that loads "
                    + "JavaFX (CommandProcessTest checks the same at run time)")
            .allowEmptyShould(true);
}
