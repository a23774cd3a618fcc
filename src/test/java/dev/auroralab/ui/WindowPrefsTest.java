package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's place and panels between runs: saved whole, read back, a bad file ignored with a notice. */
class WindowPrefsTest {

    static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1040);
    static final Rectangle2D PROJECTOR = new Rectangle2D(0, 0, 1280, 680);

    @Test
    void whatIsSavedIsReadBack(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/window.properties");
        WindowPrefs p = new WindowPrefs(120.0, 80.0, 1500, 950, false, false, true, 0.7, 0.65, "high-contrast");
        p.save(f);
        WindowPrefs.Loaded back = WindowPrefs.load(f);
        assertThat(back.notice()).isNull();
        assertThat(back.prefs()).contains(p);
        // nothing but the file is left in the folder: the temporary file was moved into place
        try (var files = Files.list(f.getParent())) {
            assertThat(files.toList()).containsExactly(f);
        }
    }

    @Test
    void aMissingFileIsAFirstRunWithoutANotice(@TempDir Path dir) {
        WindowPrefs.Loaded l = WindowPrefs.load(dir.resolve("window.properties"));
        assertThat(l.prefs()).isEmpty();
        assertThat(l.notice()).isNull();
    }

    @Test
    void aBrokenFileIsIgnoredWholeWithANoticeThatSaysWhereAndWhy(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"width=wide\nheight=900\n", "width is 'wide', not a number"},
            {"width=1400\nheight=-3\n", "height is -3"},
            {"width=1400\nheight=900\nsidePanel.divider=3\n", "sidePanel.divider is 3"},
            {"width=1400\nheight=900\nmaximized=perhaps\n", "maximized is 'perhaps', not true or false"},
            {"height=900\n", "width is missing"},
            {"width=\\u12G4\n", "Malformed"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve("window.properties");
            Files.writeString(f, c[0], StandardCharsets.UTF_8);
            WindowPrefs.Loaded l = WindowPrefs.load(f);
            assertThat(l.prefs()).as(c[0]).isEmpty();
            assertThat(l.notice()).as(c[0]).contains(f.toString()).contains(c[1]).contains("defaults");
        }
    }

    @Test
    void theWindowIsNeverLargerThanTheScreensUsableArea() {
        Rectangle2D r = WindowPrefs.place(null, null, 1440, 900, List.of(PROJECTOR), PROJECTOR);
        assertThat(r.getWidth()).isEqualTo(1280);
        assertThat(r.getHeight()).isEqualTo(680);
        assertThat(r.getMinX()).isZero();
        assertThat(r.getMinY()).isZero();
        // with room, the default size, centred
        Rectangle2D c = WindowPrefs.place(null, null, 1440, 900, List.of(LAPTOP), LAPTOP);
        assertThat(c).isEqualTo(new Rectangle2D(240, 70, 1440, 900));
    }

    @Test
    void aWindowLeftOnAScreenThatIsGoneComesBackCentredOnThePrimary() {
        Rectangle2D second = new Rectangle2D(1920, 0, 1280, 680);
        // saved on the second screen, which is unplugged now
        Rectangle2D r = WindowPrefs.place(2100.0, 40.0, 1200, 650, List.of(LAPTOP), LAPTOP);
        assertThat(LAPTOP.contains(r)).isTrue();
        assertThat(r.getMinX()).isEqualTo((1920 - 1200) / 2.0);
        // still plugged in: it opens there, pulled inside its usable area
        Rectangle2D there = WindowPrefs.place(2100.0, 40.0, 1200, 650, List.of(LAPTOP, second), LAPTOP);
        assertThat(second.contains(there)).isTrue();
    }

    @Test
    void aWindowHalfOffItsScreenIsPulledBackInside() {
        for (double[] xy : new double[][] {{-500, 100}, {1500, 900}, {10, -200}, {1919 - 700, 1039 - 400}}) {
            Rectangle2D r = WindowPrefs.place(xy[0], xy[1], 1000, 700, List.of(LAPTOP), LAPTOP);
            assertThat(r.getWidth()).isEqualTo(1000);
            assertThat(LAPTOP.contains(r)).as("%s,%s -> %s", xy[0], xy[1], r).isTrue();
        }
    }

    @Test
    void theConfigFolderCanBeSetForTestsAndPortableUse(@TempDir Path dir) {
        String before = System.getProperty(WindowPrefs.DIR_PROPERTY);
        System.setProperty(WindowPrefs.DIR_PROPERTY, dir.toString());
        try {
            assertThat(WindowPrefs.defaultFile()).isEqualTo(dir.resolve("window.properties"));
        } finally {
            if (before == null) {
                System.clearProperty(WindowPrefs.DIR_PROPERTY);
            } else {
                System.setProperty(WindowPrefs.DIR_PROPERTY, before);
            }
        }
    }
}
