// Helpers as IJava-era books keep them: plain Java, loaded with %load.
class Helpers {
    static NDArray squares(NDManager manager, int n) {
        return manager.arange(n).square();
    }

    static String describe(int[] values) {
        return Arrays.toString(values);
    }
}
