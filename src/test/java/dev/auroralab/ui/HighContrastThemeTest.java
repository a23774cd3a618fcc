package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Application;
import javafx.css.CssParser;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * high-contrast.css on real controls (headless Monocle by default): it parses, every looked-up colour it names is
 * defined, and what it computes for text, page, banner and focus ring has the contrast it claims.
 */
@ExtendWith(ApplicationExtension.class)
class HighContrastThemeTest {

    private static final Pattern DEFINED = Pattern.compile("(-color-[a-z0-9-]+)\\s*:");
    private static final Pattern USED = Pattern.compile(":[^;{}]*?(-color-[a-z0-9-]+)");

    private final String previousUserAgentStylesheet = Application.getUserAgentStylesheet();
    private Scene scene;
    private VBox root;
    private Label text;
    private Label banner;
    private Button button;
    private TextField field;

    @Start
    void start(Stage stage) {
        text = new Label("writes 5/6 (need 4) ✓");
        banner = new Label("Volume WRITABLE");
        banner.getStyleClass().addAll("volume-banner", Styles.SUCCESS);
        button = new Button("Play");
        ListView<String> list = new ListView<>();
        list.getItems().addAll("0:10.000 AZ out", "0:12.000 segment unreachable");
        list.getSelectionModel().select(1);
        field = new TextField("seed 7");
        root = new VBox(8, text, banner, button, field, list);
        scene = new Scene(root, 400, 300);
        scene.getStylesheets().add(AuroraLabApp.class.getResource("aurora-lab.css").toExternalForm());
        // the app starts light (AuroraLabApp.build); aurora-lab.css needs an AtlantaFX theme under it
        Theme.apply(Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
        field.requestFocus();
    }

    @AfterEach
    void putTheLookBack() throws Exception {
        // the user-agent stylesheet is global: later tests in this JVM must find the one they found before. This
        // scene's sheets go first, or restyling them under the old look would report lookups it lacks
        onFx(() -> {
            scene.getStylesheets().clear();
            Application.setUserAgentStylesheet(previousUserAgentStylesheet);
            return null;
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }

    private void apply(Theme theme) throws Exception {
        onFx(() -> {
            Theme.apply(theme, scene);
            root.applyCss();
            root.layout();
            return null;
        });
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = Theme.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> matches(Pattern p, String css) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Color fill(Region r, int layer) {
        return (Color) r.getBackground().getFills().get(layer).getFill();
    }

    @Test
    void theStylesheetParsesAndUsesOnlyColoursItOrPrimerDarkDefine() throws Exception {
        String css = read("high-contrast.css");
        String base = read(Theme.HIGH_CONTRAST.userAgentStylesheet());
        CssParser.errorsProperty().clear();
        new CssParser().parse(new URL(Theme.HIGH_CONTRAST.extraStylesheet().orElseThrow()));
        assertThat(CssParser.errorsProperty()).isEmpty();

        Set<String> defined = matches(DEFINED, css);
        defined.addAll(matches(DEFINED, base));
        Set<String> used = matches(USED, css);
        assertThat(used).isNotEmpty().isSubsetOf(defined);
        // and it redefines the colours every control is built from, not a few controls one by one
        assertThat(matches(DEFINED, css)).contains("-color-fg-default", "-color-fg-muted", "-color-bg-default",
                "-color-bg-subtle", "-color-border-default", "-color-accent-emphasis", "-color-success-subtle",
                "-color-warning-subtle", "-color-danger-subtle");
    }

    @Test
    void underHighContrastTextIsWhiteOnABlackPageAtSevenToOneOrMore() throws Exception {
        CssParser.errorsProperty().clear();
        apply(Theme.HIGH_CONTRAST);
        // a looked-up colour that resolves to nothing is reported here while styling, not thrown
        assertThat(CssParser.errorsProperty()).isEmpty();
        // (and it is: a lookup of a colour no sheet defines lands in the list)
        onFx(() -> {
            Label probe = new Label("probe");
            probe.setStyle("-fx-text-fill: -color-defined-nowhere;");
            root.getChildren().add(probe);
            root.applyCss();
            root.getChildren().remove(probe);
            return null;
        });
        assertThat(CssParser.errorsProperty()).isNotEmpty();
        CssParser.errorsProperty().clear();

        Color page = fill(root, 0);
        Color ink = (Color) text.getTextFill();
        assertThat(page).isEqualTo(Color.BLACK);
        assertThat(ink).isEqualTo(Color.WHITE);
        assertThat(Contrast.ratio(ink, page)).isGreaterThanOrEqualTo(Contrast.TEXT_AAA);

        // the banner keeps a tint of its tone, and its words stay at AAA on it
        Color bannerPage = Contrast.over(fill(banner, 0), page);
        assertThat(bannerPage).isNotEqualTo(Color.BLACK);
        assertThat(Contrast.ratio((Color) banner.getTextFill(), bannerPage))
                .isGreaterThanOrEqualTo(Contrast.TEXT_AAA);
        // its frame is the tone's colour, 2 px all round and thicker on the left
        assertThat(banner.getBorder().getStrokes().get(0).getWidths().getTop()).isEqualTo(2);
        assertThat(banner.getBorder().getStrokes().get(0).getWidths().getLeft()).isEqualTo(8);
        assertThat((Color) banner.getBorder().getStrokes().get(0).getTopStroke()).isEqualTo(Color.web("#00c08b"));
    }

    @Test
    void aButtonHasATwoPixelBorderThatTurnsIntoAThreePixelYellowRingWhenFocused() throws Exception {
        apply(Theme.HIGH_CONTRAST);
        assertThat(button.isFocused()).isFalse();
        BackgroundFill outer = button.getBackground().getFills().get(0);
        BackgroundFill inner = button.getBackground().getFills().get(1);
        assertThat(inner.getInsets().getTop()).isEqualTo(2);
        assertThat(Contrast.ratio((Color) outer.getFill(), Color.BLACK)).isGreaterThanOrEqualTo(Contrast.GRAPHICS);

        onFx(() -> {
            button.requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(button.isFocused()).isTrue();
        apply(Theme.HIGH_CONTRAST);
        BackgroundFill ring = button.getBackground().getFills().get(0);
        assertThat((Color) ring.getFill()).isEqualTo(Color.web("#ffe600"));
        assertThat(button.getBackground().getFills().get(1).getInsets().getTop()).isEqualTo(3);
        assertThat((Color) button.getTextFill()).isEqualTo(Color.WHITE);
    }

    @Test
    void applyingAnotherThemeTakesTheHighContrastSheetAwayAndKeepsTheAppsOwn() throws Exception {
        String own = AuroraLabApp.class.getResource("aurora-lab.css").toExternalForm();
        String hc = Theme.HIGH_CONTRAST.extraStylesheet().orElseThrow();
        apply(Theme.HIGH_CONTRAST);
        apply(Theme.HIGH_CONTRAST);
        assertThat(scene.getStylesheets()).containsExactly(own, hc);

        apply(Theme.DARK);
        assertThat(scene.getStylesheets()).containsExactly(own);
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(Theme.DARK.userAgentStylesheet());
        // PrimerDark's own text colour again
        assertThat((Color) text.getTextFill()).isEqualTo(Color.web("#c9d1d9"));
    }
}
