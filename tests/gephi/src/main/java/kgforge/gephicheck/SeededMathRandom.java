// kgforge test harness. Gephi's LabelAdjust (and Noverlap, and the importer's initial positions)
// jitter with Math.random(), which has no seed parameter, so two renderings of the same graph
// would differ. Math.random() draws from one java.util.Random held in
// java.lang.Math$RandomNumberGeneratorHolder; re-seeding that object (public Random.setSeed)
// makes every later Math.random() sequence, and so the picture, the same on every run. Reading
// the holder needs `--add-opens java.base/java.lang=ALL-UNNAMED` (scripts/gephi-check passes it).
package kgforge.gephicheck;

import java.lang.reflect.Field;
import java.util.Random;

final class SeededMathRandom {
    private SeededMathRandom() {}

    /** Seeds Math.random(); returns false (and the reason on stderr) if the JVM did not allow it. */
    static boolean seed(long seed) {
        Math.random(); // initialise the holder class before reaching into it
        try {
            Field f = Class.forName("java.lang.Math$RandomNumberGeneratorHolder")
                    .getDeclaredField("randomNumberGenerator");
            f.setAccessible(true);
            ((Random) f.get(null)).setSeed(seed);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("gephi-picture: cannot seed Math.random() (" + e
                    + "); run java with --add-opens java.base/java.lang=ALL-UNNAMED."
                    + " The picture will differ from run to run.");
            return false;
        }
    }
}
