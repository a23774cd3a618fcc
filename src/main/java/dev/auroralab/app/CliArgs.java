package dev.auroralab.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Splits "FILE --seed 7 --json" into positionals and options; unknown options are errors, not ignored. */
final class CliArgs {
    final List<String> positionals = new ArrayList<>();
    final Map<String, String> options = new LinkedHashMap<>();

    static CliArgs parse(List<String> args, Set<String> valued, Set<String> flags) {
        CliArgs a = new CliArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                if (valued.contains(arg)) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    a.options.put(arg, args.get(++i));
                } else if (flags.contains(arg)) {
                    a.options.put(arg, "true");
                } else {
                    throw new IllegalArgumentException("unknown option " + arg);
                }
            } else {
                a.positionals.add(arg);
            }
        }
        return a;
    }
}
