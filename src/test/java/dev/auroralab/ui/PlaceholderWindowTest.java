package dev.auroralab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class PlaceholderWindowTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new AuroraLabApp().start(stage);
    }

    @Test
    void placeholderTellsThatTheTopologyViewIsComing(FxRobot robot) {
        Label message = robot.lookup("#" + AuroraLabApp.PLACEHOLDER_MESSAGE_ID).queryAs(Label.class);

        assertThat(message.getText()).contains("topology");
        assertThat(message.isVisible()).isTrue();
    }

    @Test
    void windowIsTitledAuroraLab() {
        assertThat(stage.getTitle()).isEqualTo("Aurora Lab");
    }
}
