package dev.auroralab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandsTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @ParameterizedTest
    @ValueSource(strings = {"help", "--help", "-h"})
    void helpPrintsUsageAndSucceeds(String helpFlag) {
        int exitCode = Commands.standard().dispatch(List.of(helpFlag), out, err);

        assertThat(exitCode).isZero();
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("Usage:", "open the window",
                "java -jar aurora-lab.jar --scenario FILE   open the window on FILE");
    }

    @Test
    void unknownCommandIsAUsageError() {
        int exitCode = Commands.standard().dispatch(List.of("frobnicate"), out, err);

        assertThat(exitCode).isEqualTo(Commands.USAGE_ERROR);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'");
    }

    @Test
    void registeredCommandGetsTheRemainingArgumentsAndIsListedInUsage() {
        Commands commands = new Commands().register("echo", "<words>  print the words",
                (args, o, e) -> {
                    o.println(String.join(" ", args));
                    return 0;
                });

        assertThat(commands.dispatch(List.of("echo", "four", "of", "six"), out, err)).isZero();
        commands.printUsage(out);

        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("four of six", "echo");
    }
}
