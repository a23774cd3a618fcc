package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the theme type promises without a window: names, the cycle, what each theme is made of. */
class ThemeTest {

    @Test
    void aThemeIsFoundByItsIdItsConstantOrItsLabelInAnyCase() {
        assertThat(Theme.fromName("high-contrast")).contains(Theme.HIGH_CONTRAST);
        assertThat(Theme.fromName("HIGH_CONTRAST")).contains(Theme.HIGH_CONTRAST);
        assertThat(Theme.fromName(" High contrast ")).contains(Theme.HIGH_CONTRAST);
        assertThat(Theme.fromName("Dark")).contains(Theme.DARK);
        assertThat(Theme.fromName("light")).contains(Theme.LIGHT);
        for (Theme t : Theme.values()) {
            assertThat(Theme.fromName(t.id())).contains(t);
            assertThat(Theme.fromName(t.label())).contains(t);
            assertThat(Theme.fromName(t.name())).contains(t);
        }
    }

    @Test
    void aNameThatIsNoThemeFindsNothing() {
        assertThat(Theme.fromName(null)).isEmpty();
        assertThat(Theme.fromName("")).isEmpty();
        assertThat(Theme.fromName("highcontrast")).isEmpty();
        assertThat(Theme.fromName("solarized")).isEmpty();
    }

    @Test
    void nextVisitsEveryThemeOnceAndComesBack() {
        Set<Theme> seen = EnumSet.noneOf(Theme.class);
        Theme t = Theme.LIGHT;
        for (int i = 0; i < Theme.values().length; i++) {
            seen.add(t);
            t = t.next();
        }
        assertThat(seen).containsExactlyInAnyOrder(Theme.values());
        assertThat(t).isEqualTo(Theme.LIGHT);
        assertThat(Theme.LIGHT.next()).isEqualTo(Theme.DARK);
        assertThat(Theme.DARK.next()).isEqualTo(Theme.HIGH_CONTRAST);
    }

    @Test
    void eachThemeNamesItsMenuLabelItsControlsAndItsCanvasColours() {
        assertThat(Theme.LIGHT.label()).isEqualTo("Light");
        assertThat(Theme.DARK.label()).isEqualTo("Dark");
        assertThat(Theme.HIGH_CONTRAST.label()).isEqualTo("High contrast");

        assertThat(Theme.LIGHT.userAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        assertThat(Theme.DARK.userAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(Theme.HIGH_CONTRAST.userAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(Theme.LIGHT.dark()).isFalse();
        assertThat(Theme.HIGH_CONTRAST.dark()).isTrue();

        assertThat(Theme.LIGHT.extraStylesheet()).isEmpty();
        assertThat(Theme.DARK.extraStylesheet()).isEmpty();
        assertThat(Theme.HIGH_CONTRAST.extraStylesheet()).hasValueSatisfying(
                url -> assertThat(url).endsWith("dev/auroralab/ui/high-contrast.css"));

        for (Theme t : Theme.values()) {
            // the palette's name is the theme's id, so a saved setting or a PNG's name can use either
            assertThat(t.palette().name()).isEqualTo(t.id());
        }
        assertThat(Theme.HIGH_CONTRAST.palette()).isSameAs(Palette.HIGH_CONTRAST);
    }
}
