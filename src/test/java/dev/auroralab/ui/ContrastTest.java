package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The WCAG arithmetic against figures published elsewhere, so the palette test rests on a checked formula. */
class ContrastTest {

    @Test
    void blackOnWhiteIsTwentyOneToOneAndAColourOnItselfIsOne() {
        assertThat(Contrast.ratio(Color.BLACK, Color.WHITE)).isCloseTo(21, within(1e-9));
        assertThat(Contrast.ratio(Color.WHITE, Color.BLACK)).isCloseTo(21, within(1e-9));
        assertThat(Contrast.ratio(Color.web("#57606a"), Color.web("#57606a"))).isCloseTo(1, within(1e-9));
    }

    @Test
    void theGreysEveryCheckerQuotesComeOutAsTheyDo() {
        // #767676 is the lightest grey that passes 4.5:1 on white (4.54:1); #777777 just fails (4.48:1)
        assertThat(Contrast.ratio(Color.web("#767676"), Color.WHITE)).isCloseTo(4.54, within(0.005));
        assertThat(Contrast.ratio(Color.web("#777777"), Color.WHITE)).isCloseTo(4.48, within(0.005));
        // #595959 on white is the usual AAA example, 7.00:1
        assertThat(Contrast.ratio(Color.web("#595959"), Color.WHITE)).isCloseTo(7.00, within(0.005));
    }

    @Test
    void aTranslucentColourOverAnotherMixesByItsOpacity() {
        Color mixed = Contrast.over(Color.color(1, 0, 0, 0.25), Color.color(0, 0, 1));
        assertThat(mixed.getRed()).isCloseTo(0.25, within(1e-9));
        assertThat(mixed.getGreen()).isCloseTo(0, within(1e-9));
        assertThat(mixed.getBlue()).isCloseTo(0.75, within(1e-9));
        assertThat(mixed.getOpacity()).isEqualTo(1);
    }

    @Test
    void theInkChosenForAnyFillReadsAtLeastFourPointFiveToOne() {
        SplittableRandom r = new SplittableRandom(19);
        for (int i = 0; i < 20_000; i++) {
            Color fill = Color.rgb(r.nextInt(256), r.nextInt(256), r.nextInt(256));
            Color ink = Contrast.inkOn(fill);
            assertThat(Contrast.ratio(ink, fill)).as("ink %s on %s", ink, fill).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(Contrast.inkOn(Color.web("#FFE600"))).isEqualTo(Color.BLACK);
        assertThat(Contrast.inkOn(Color.web("#0072B2"))).isEqualTo(Color.WHITE);
    }
}
