package no.kraft.cis.payment;

/**
 * How far a KID someone typed is from an invoice's KID, in the typing mistakes people make: a wrong, missing or extra
 * digit, or two neighbours swapped (optimal-string-alignment distance).
 */
final class KidDistance {

    private KidDistance() {
    }

    static int between(String typed, String actual) {
        int n = typed.length();
        int m = actual.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = typed.charAt(i - 1) == actual.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && typed.charAt(i - 1) == actual.charAt(j - 2) && typed.charAt(i - 2) == actual.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
