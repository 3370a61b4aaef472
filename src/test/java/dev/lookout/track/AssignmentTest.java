package dev.lookout.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    @Test
    void givesUpTheCheapestPairWhenThatLowersTheTotal() {
        // Greedy takes (0,0)=1 and is left with (1,1)=10: 11. The optimum is (0,1)+(1,0) = 2+2 = 4.
        double[][] cost = {{1, 2}, {2, 10}};
        assertArrayEquals(new int[] {1, 0}, Assignment.minimumCost(cost));
        assertArrayEquals(new int[] {1, 0}, Assignment.solve(cost, 100));
    }

    @Test
    void pairsAboveTheLimitStayUnpaired() {
        double[][] cost = {{0.9, 0.2}, {0.3, 0.95}, {0.85, 0.99}};
        assertArrayEquals(new int[] {1, 0, -1}, Assignment.solve(cost, 0.8));
    }

    @Test
    void aPairIsTakenOnlyWhenItLowersTheTotalAsLapjvDoes() {
        // Row 0 could take column 0 (0.7) leaving row 1 unpaired (0.8 for its dummy pair): 1.5;
        // row 0 unpaired (0.8) and row 1 on column 0 (0.1): 0.9, the optimum.
        double[][] cost = {{0.7}, {0.1}};
        assertArrayEquals(new int[] {-1, 0}, Assignment.solve(cost, 0.8));
    }

    @Test
    void emptyAndRectangularProblems() {
        assertArrayEquals(new int[0], Assignment.solve(new double[0][0], 1));
        assertArrayEquals(new int[] {-1, -1}, Assignment.solve(new double[2][0], 1));
        double[][] wide = {{5, 1, 3}};
        assertArrayEquals(new int[] {1}, Assignment.solve(wide, 10));
    }

    @Test
    void matchesBruteForceOnRandomProblems() {
        Random random = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 1 + random.nextInt(5);
            int cols = 1 + random.nextInt(5);
            double limit = 0.3 + random.nextDouble() * 0.7;
            double[][] cost = new double[rows][cols];
            for (double[] row : cost) {
                for (int j = 0; j < cols; j++) {
                    row[j] = random.nextDouble();
                }
            }
            int[] got = Assignment.solve(cost, limit);
            assertEquals(bestTotal(cost, limit, 0, new boolean[cols]), total(cost, limit, got), 1e-9,
                    "trial " + trial);
            if (rows <= cols) {
                int[] full = Assignment.minimumCost(cost);
                assertEquals(bestFull(cost, 0, new boolean[cols]), fullTotal(cost, full), 1e-9, "trial " + trial);
            }
        }
    }

    /** Total as lapjv counts it: the pairs' costs plus limit/2 for every unpaired row and column. */
    private static double total(double[][] cost, double limit, int[] rowToCol) {
        int cols = cost[0].length;
        boolean[] usedCols = new boolean[cols];
        double sum = 0;
        for (int i = 0; i < cost.length; i++) {
            if (rowToCol[i] >= 0) {
                assertEquals(false, usedCols[rowToCol[i]], "a column used twice");
                usedCols[rowToCol[i]] = true;
                sum += cost[i][rowToCol[i]];
            } else {
                sum += limit / 2;
            }
        }
        for (boolean u : usedCols) {
            sum += u ? 0 : limit / 2;
        }
        return sum;
    }

    private static double bestTotal(double[][] cost, double limit, int row, boolean[] used) {
        if (row == cost.length) {
            double s = 0;
            for (boolean u : used) {
                s += u ? 0 : limit / 2;
            }
            return s;
        }
        double best = limit / 2 + bestTotal(cost, limit, row + 1, used);
        for (int j = 0; j < used.length; j++) {
            if (!used[j] && cost[row][j] <= limit) {
                used[j] = true;
                best = Math.min(best, cost[row][j] + bestTotal(cost, limit, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    private static double fullTotal(double[][] cost, int[] rowToCol) {
        double s = 0;
        for (int i = 0; i < cost.length; i++) {
            s += cost[i][rowToCol[i]];
        }
        return s;
    }

    private static double bestFull(double[][] cost, int row, boolean[] used) {
        if (row == cost.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, cost[row][j] + bestFull(cost, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
