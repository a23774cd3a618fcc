package dev.auroralab.ui;

import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.stage.Stage;

/**
 * The Aurora Lab window. For now a placeholder that points to the command line until the topology
 * view lands.
 */
public class AuroraLabApp extends Application {

    /** Node id of the placeholder text, for tests. */
    public static final String PLACEHOLDER_MESSAGE_ID = "placeholderMessage";

    static final String TITLE = "Aurora Lab";
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;

    static final String PLACEHOLDER_MESSAGE = """
            The topology view arrives with the next milestone.

            You can try the simulation engine today from the command line:

            java -jar target/aurora-lab.jar run src/main/resources/scenarios/healthy-cluster.yaml""";

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());

        Label title = new Label(TITLE);
        title.getStyleClass().add(Styles.TITLE_1);

        Label message = new Label(PLACEHOLDER_MESSAGE);
        message.setId(PLACEHOLDER_MESSAGE_ID);
        message.getStyleClass().add(Styles.TITLE_3);
        message.setWrapText(true);
        message.setTextAlignment(TextAlignment.CENTER);
        message.setMaxWidth(1120);

        VBox root = new VBox(32, title, message);
        root.setAlignment(Pos.CENTER);
        root.setPadding(new Insets(48));

        stage.setTitle(TITLE);
        stage.setScene(new Scene(root, WIDTH, HEIGHT));
        stage.show();
    }
}
