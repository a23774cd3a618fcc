package dev.auroralab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code screenshot} command's contract, run in this JVM (headless Monocle from surefire's properties). The
 * toolkit is started here first, as TestFX would: a command that starts the toolkit itself also exits it when done,
 * which would leave none for the UI tests that share this JVM.
 */
@Timeout(120)
class ScreenshotCommandTest {

    @TempDir
    Path dir;

    private final InProcessCli cli = new InProcessCli();

    @BeforeAll
    static void toolkitRunning() {
        InProcessCli.startFxToolkit();
    }

    @Test
    void writesAPngOfTheRequestedSizeForABuiltInScenario() throws Exception {
        Path png = dir.resolve("shot.png");
        // 1024x700 fits the 1280x800 headless screen the test JVM may already have
        int code = cli.run("screenshot", "az-plus-one", "--at", "13s", "--width", "1024", "--height", "700", "--out",
                png.toString(), "--select", "instance:writer-1");

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out().strip()).isEqualTo("wrote " + png + " (1024x700) at t=13s");
        assertThat(Files.size(png)).isGreaterThan(10_000);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(image.getHeight()).isEqualTo(700);
        assertThat(distinctColours(image)).as("a drawn window, not a blank image").isGreaterThan(20);
    }

    @Test
    void aLessonStepsPictureSaysTheMomentItShowsNotTheDefaultTime() throws Exception {
        Path png = dir.resolve("lesson.png");
        // step 3 of losing-an-az takes the AZ out and ends once pg-0 is at 4 of 6: well before the 30 s default
        int code = cli.run("screenshot", "losing-an-az#3", "--width", "1024", "--height", "700", "--out",
                png.toString());

        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out().strip()).startsWith("wrote " + png + " (1024x700) at t=").doesNotEndWith("t=30s");
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void aBadScenarioFileExitsTwoWithFileLineAndColumnAndWritesNothing() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "schemaVersion: 1\nname: Broken\ncluster:\n  region: us-east-1\n  volumeGiB: -5\n");
        Path png = dir.resolve("never.png");

        assertThat(cli.run("screenshot", bad.toString(), "--out", png.toString())).isEqualTo(2);

        assertThat(cli.err()).containsPattern("bad\\.yaml:\\d+:\\d+: ").doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(cli.out()).isEmpty();
        assertThat(png).doesNotExist();
    }

    @Test
    void aBadAtIsAUsageError() {
        Path png = dir.resolve("never.png");

        assertThat(cli.run("screenshot", "healthy-cluster", "--at", "ten", "--out", png.toString())).isEqualTo(2);

        assertThat(cli.err()).contains("--at", "'ten' is not a duration", "10s");
        assertThat(png).doesNotExist();
    }

    @Test
    void aMissingOutputFolderOrAMissingOutIsAUsageError() {
        assertThat(cli.run("screenshot", "healthy-cluster", "--out", dir.resolve("no/such/folder/x.png").toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("no folder").contains("create it first");
        assertThat(cli.run("screenshot", "healthy-cluster")).isEqualTo(2);
        assertThat(cli.err()).contains("--out PATH.png is required");
    }

    @Test
    void anUnknownBuiltInNameListsTheBuiltIns() {
        assertThat(cli.run("screenshot", "az-plus-two", "--out", dir.resolve("x.png").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("az-plus-two", "az-plus-one", "healthy-cluster");
    }

    @Test
    void selectingSomethingThatIsNotThereSaysWhatIs() {
        Path png = dir.resolve("never.png");

        assertThat(cli.run("screenshot", "healthy-cluster", "--at", "1s", "--width", "1024", "--height", "700", "--out",
                png.toString(), "--select", "instance:writer-9")).isEqualTo(2);

        assertThat(cli.err()).contains("no instance 'writer-9' at t=1s", "writer-1, reader-1, reader-2");
        assertThat(png).doesNotExist();
        assertThat(cli.run("screenshot", "healthy-cluster", "--out", png.toString(), "--select", "table:x"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("KIND is one of instance, segment, node, az, pg, region");
    }

    @Test
    void aGlobalScenarioCanBeShotWithARegionSelectedAndTheLedgerShown() throws Exception {
        Path png = dir.resolve("global.png");

        int code = cli.run("screenshot", "global-region-outage-failover", "--at", "100s", "--width", "1024",
                "--height", "700", "--out", png.toString(), "--select", "region:us-east-1", "--ledger");

        assertThat(code).as(cli.err()).isZero();
        assertThat(distinctColours(ImageIO.read(png.toFile()))).isGreaterThan(20);
        // an element of a secondary region is found there, and an unknown region lists the regions
        assertThat(cli.run("screenshot", "global-switchover", "--at", "1s", "--width", "1024", "--height", "700",
                "--out", dir.resolve("reader.png").toString(), "--select", "instance:dublin-reader-2")).isZero();
        assertThat(cli.run("screenshot", "global-switchover", "--at", "1s", "--width", "1024", "--height", "700",
                "--out", dir.resolve("never.png").toString(), "--select", "region:mars-1")).isEqualTo(2);
        assertThat(cli.err()).contains("no region 'mars-1'", "us-east-1, eu-west-1");
    }

    @Test
    void distanceDrawsTheDistanceToFailureMarks() throws Exception {
        Path plain = dir.resolve("plain.png");
        Path marked = dir.resolve("marked.png");
        String[] common = {"screenshot", "az-plus-one", "--at", "15s", "--width", "1024", "--height", "700"};
        assertThat(cli.run(concat(common, "--out", plain.toString()))).as(cli.err()).isZero();
        assertThat(cli.run(concat(common, "--out", marked.toString(), "--distance"))).as(cli.err()).isZero();

        // the warning triangles are Okabe-Ito orange (the light palette's warning); without the overlay only the
        // legend's "catching up" chip has that colour
        int without = pixelsOf(ImageIO.read(plain.toFile()), 0xE69F00);
        int with = pixelsOf(ImageIO.read(marked.toFile()), 0xE69F00);
        assertThat(with).as("orange pixels with the overlay (%d without)", without).isGreaterThan(without + 400);
    }

    @Test
    void predictDrawsTheFirstQuestionAtOrAfterAt() throws Exception {
        Path png = dir.resolve("predict.png");
        int code = cli.run("screenshot", "writer-crash-failover-by-tier", "--at", "12s", "--predict", "--width", "1024",
                "--height", "700", "--out", png.toString());
        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out().strip()).as("the failover's next step, not the fault before --at")
                .isEqualTo("wrote " + png + " (1024x700) at t=19.9s");
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int pixelsOf(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void practiceDrawsAnAnsweredQuestionAndWatchItWithoutTouchingTheLearnersRecord() throws Exception {
        Path bank = Path.of(ScreenshotCommandTest.class.getResource("/exam/practice-bank.yaml").toURI());
        Path config = Files.createDirectories(dir.resolve("config"));
        String before = System.getProperty(dev.auroralab.ui.WindowPrefs.DIR_PROPERTY);
        System.setProperty(dev.auroralab.ui.WindowPrefs.DIR_PROPERTY, config.toString());
        try {
            Path png = dir.resolve("practice.png");
            int code = cli.run("screenshot", "--practice", "promotion-tier-decides-the-new-writer", "--answer", "C",
                    "--watch", "--bank", bank.toString(), "--width", "1024", "--height", "700", "--out",
                    png.toString());
            assertThat(code).as(cli.err()).isZero();
            assertThat(cli.out().strip()).as("the demonstration's moment").isEqualTo("wrote " + png
                    + " (1024x700) at t=50s");
            assertThat(distinctColours(ImageIO.read(png.toFile()))).isGreaterThan(20);

            Path timed = dir.resolve("timed.png");
            assertThat(cli.run("screenshot", "--timed", "6", "--bank", bank.toString(), "--width", "1024",
                    "--height", "700", "--out", timed.toString())).as(cli.err()).isZero();
            try (var files = Files.list(config)) {
                assertThat(files.toList()).as("no study record in the configuration folder").isEmpty();
            }
        } finally {
            if (before == null) {
                System.clearProperty(dev.auroralab.ui.WindowPrefs.DIR_PROPERTY);
            } else {
                System.setProperty(dev.auroralab.ui.WindowPrefs.DIR_PROPERTY, before);
            }
        }
    }

    @Test
    void practiceOptionsThatNameNothingOrDoNotFitAreUsageErrors() throws Exception {
        Path bank = Path.of(ScreenshotCommandTest.class.getResource("/exam/practice-bank.yaml").toURI());
        Path png = dir.resolve("never.png");
        assertThat(cli.run("screenshot", "--practice", "no-such-question", "--bank", bank.toString(), "--out",
                png.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("no question 'no-such-question'", "losing-an-az-keeps-writes");
        assertThat(cli.run("screenshot", "--practice", "losing-an-az-keeps-writes", "--answer", "F", "--bank",
                bank.toString(), "--out", png.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--answer 'F'", "1 to 4 or A to D");
        assertThat(cli.run("screenshot", "--practice", "fifteen-replicas-one-region", "--answer", "B", "--watch",
                "--bank", bank.toString(), "--out", png.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--watch needs", "demonstrated");
        assertThat(cli.run("screenshot", "--timed", "99", "--bank", bank.toString(), "--out", png.toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("--timed takes a number of questions from 1 to 12");
        assertThat(cli.run("screenshot", "healthy-cluster", "--answer", "B", "--out", png.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--answer goes with --practice");
        assertThat(png).doesNotExist();
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
