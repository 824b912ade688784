package org.solidarityfunds.tools.common;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --name value} options of the CI drivers, after their command (args[0]). A bad
 * argument or a missing required option ends the program with exit code 2, as a usage error.
 */
public final class Options {

    private Options() {
    }

    /** The defaults, overridden by the options given; exits 2 on a malformed one or a missing required one. */
    public static Map<String, String> parse(String[] args, Map<String, String> defaults, Collection<String> required) {
        Map<String, String> options = new LinkedHashMap<>(defaults);
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("bad argument: " + args[i]);
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        for (String name : required) {
            if (!options.containsKey(name)) {
                System.err.println("missing --" + name);
                System.exit(2);
            }
        }
        return options;
    }
}
