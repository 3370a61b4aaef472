package dev.lookout.track;

import java.util.Arrays;

/**
 * Optimal assignment (the linear assignment problem) by the Hungarian method with potentials and shortest
 * augmenting paths (Jonker–Volgenant's formulation, O(n²m)): the pairing of rows with columns of least total
 * cost. Not greedy: a row may give up its cheapest column when that lowers the total.
 */
public final class Assignment {

    private Assignment() {
    }

    /**
     * The least-cost pairing in which every pair costs at most {@code maxCost}; a row or column may stay unpaired.
     * As {@code lap.lapjv(cost, cost_limit)} does (ByteTrack's call), leaving a row and a column unpaired costs
     * {@code maxCost} in total, so a pair is taken only when that lowers the total cost.
     *
     * @param cost {@code rows × columns} costs, finite; rows may differ in number from columns
     * @param maxCost the highest cost a pair may have
     * @return for each row its column, or -1 when the row stays unpaired
     */
    public static int[] solve(double[][] cost, double maxCost) {
        int rows = cost.length;
        int cols = rows == 0 ? 0 : cost[0].length;
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        if (rows == 0 || cols == 0) {
            return result;
        }
        // Rows and columns joined by no affordable pair never influence each other: solve each connected
        // group of affordable pairs on its own (with many well separated objects, groups of one or two).
        int[] parent = new int[rows + cols];
        for (int k = 0; k < parent.length; k++) {
            parent[k] = k;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (cost[i][j] <= maxCost) {
                    parent[root(parent, i)] = root(parent, rows + j);
                }
            }
        }
        boolean[] done = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            if (done[i]) {
                continue;
            }
            int group = root(parent, i);
            int[] groupRows = java.util.stream.IntStream.range(i, rows)
                    .filter(r -> root(parent, r) == group).toArray();
            int[] groupCols = java.util.stream.IntStream.range(0, cols)
                    .filter(c -> root(parent, rows + c) == group).toArray();
            for (int r : groupRows) {
                done[r] = true;
            }
            if (groupCols.length == 0) {
                continue;
            }
            double[][] sub = new double[groupRows.length][groupCols.length];
            for (int a = 0; a < groupRows.length; a++) {
                for (int b = 0; b < groupCols.length; b++) {
                    sub[a][b] = cost[groupRows[a]][groupCols[b]];
                }
            }
            int[] subResult = solveExtended(sub, maxCost);
            for (int a = 0; a < groupRows.length; a++) {
                if (subResult[a] >= 0) {
                    result[groupRows[a]] = groupCols[subResult[a]];
                }
            }
        }
        return result;
    }

    private static int root(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static int[] solveExtended(double[][] cost, double maxCost) {
        int rows = cost.length;
        int cols = cost[0].length;
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        // Square extension: rows × cols real block, a dummy column per row and a dummy row per column at
        // maxCost / 2, dummy × dummy free. Infeasible pairs get a cost no optimum can use.
        int n = rows + cols;
        double largest = Math.abs(maxCost);
        for (double[] row : cost) {
            for (double c : row) {
                if (c <= maxCost) {
                    largest = Math.max(largest, Math.abs(c));
                }
            }
        }
        double forbidden = 2 * (largest + 1) * n;
        double[][] square = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i < rows && j < cols) {
                    double c = cost[i][j];
                    square[i][j] = c <= maxCost ? c : forbidden;
                } else if (i < rows || j < cols) {
                    square[i][j] = maxCost / 2;
                }
            }
        }
        int[] assigned = minimumCost(square);
        for (int i = 0; i < rows; i++) {
            int j = assigned[i];
            if (j < cols && cost[i][j] <= maxCost) {
                result[i] = j;
            }
        }
        return result;
    }

    /**
     * The least-cost pairing of every row with a distinct column ({@code rows ≤ columns}).
     *
     * @return for each row its column
     */
    public static int[] minimumCost(double[][] cost) {
        int n = cost.length;
        if (n == 0) {
            return new int[0];
        }
        int m = cost[0].length;
        if (n > m) {
            throw new IllegalArgumentException("more rows (" + n + ") than columns (" + m + ")");
        }
        // 1-based potentials u (rows), v (columns); p[j] = row holding column j; way[j] = previous column on the path.
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                double[] row = cost[i0 - 1];
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = row[j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] rowToCol = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                rowToCol[p[j] - 1] = j - 1;
            }
        }
        return rowToCol;
    }
}
