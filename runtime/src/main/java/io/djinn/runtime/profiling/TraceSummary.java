package io.djinn.runtime.profiling;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-operator figures from the chrome trace that PyTorch's profiler writes: calls, total and self time
 * (total minus the operators nested inside it on the same thread), CUDA time of device events of the
 * same name, the first input shapes seen, and memory allocated.
 */
public final class TraceSummary {

    /** One operator's figures; times in microseconds, memory in bytes. */
    public record Operator(String name, int calls, double totalMicros, double selfMicros, double cudaMicros,
            String shapes, long cpuMemoryBytes, long cudaMemoryBytes) {}

    private static final Pattern MEMORY = Pattern.compile("(-?[0-9.]+)\\s*([KMGT]?b)", Pattern.CASE_INSENSITIVE);

    private TraceSummary() {}

    /** Operators sorted by self time, longest first. */
    public static List<Operator> operators(JsonArray events) {
        Map<String, double[]> times = new LinkedHashMap<>(); // calls, total, self, cuda
        Map<String, String> shapes = new LinkedHashMap<>();
        Map<String, long[]> memory = new LinkedHashMap<>();
        Map<String, List<Span>> byThread = new LinkedHashMap<>();
        for (JsonElement element : events) {
            JsonObject event = element.getAsJsonObject();
            if (!"X".equals(string(event, "ph")) || !event.has("dur")) {
                continue;
            }
            String name = string(event, "name");
            String process = string(event, "pid");
            if (process.toUpperCase(Locale.ROOT).contains("CUDA")) {
                times.computeIfAbsent(name, n -> new double[4])[3] += event.get("dur").getAsDouble();
                continue;
            }
            double[] figures = times.computeIfAbsent(name, n -> new double[4]);
            figures[0]++;
            figures[1] += event.get("dur").getAsDouble();
            if (event.has("shape") && !shapes.containsKey(name)) {
                shapes.put(name, event.get("shape").toString());
            }
            long[] bytes = memory.computeIfAbsent(name, n -> new long[2]);
            bytes[0] += Math.max(0, bytes(string(event, "cpu mem")));
            bytes[1] += Math.max(0, bytes(string(event, "cuda mem")));
            byThread.computeIfAbsent(process + "/" + string(event, "tid"), t -> new ArrayList<>())
                    .add(new Span(name, event.get("ts").getAsDouble(), event.get("dur").getAsDouble()));
        }
        byThread.values().forEach(spans -> addSelfTimes(spans, times));
        List<Operator> operators = new ArrayList<>();
        times.forEach((name, figures) -> operators.add(new Operator(name, (int) figures[0], figures[1], figures[2],
                figures[3], shapes.getOrDefault(name, ""), memory.getOrDefault(name, new long[2])[0],
                memory.getOrDefault(name, new long[2])[1])));
        operators.sort(Comparator.comparingDouble((Operator o) -> o.selfMicros() + o.cudaMicros()).reversed());
        return operators;
    }

    private record Span(String name, double start, double duration) {
        double end() {
            return start + duration;
        }
    }

    /** Self time: a span's duration minus that of the spans directly inside it. */
    private static void addSelfTimes(List<Span> spans, Map<String, double[]> times) {
        spans.sort(Comparator.comparingDouble(Span::start).thenComparing(Comparator.comparingDouble(Span::duration).reversed()));
        Deque<Span> open = new ArrayDeque<>();
        Map<Span, Double> childTime = new LinkedHashMap<>();
        for (Span span : spans) {
            while (!open.isEmpty() && open.peek().end() <= span.start()) {
                open.pop();
            }
            if (!open.isEmpty()) {
                childTime.merge(open.peek(), span.duration(), Double::sum);
            }
            open.push(span);
            childTime.putIfAbsent(span, 0.0);
        }
        childTime.forEach((span, children) -> times.get(span.name())[2] += Math.max(0, span.duration() - children));
    }

    /** "256.00 Kb" -> 262144; "0 b" and unreadable text -> 0. */
    static long bytes(String text) {
        Matcher matcher = MEMORY.matcher(text);
        if (!matcher.find()) {
            return 0;
        }
        double value = Double.parseDouble(matcher.group(1));
        int power = "bkmgt".indexOf(Character.toLowerCase(matcher.group(2).charAt(0)));
        return Math.round(value * Math.pow(1024, Math.max(0, power)));
    }

    private static String string(JsonObject event, String field) {
        return event.has(field) && event.get(field).isJsonPrimitive() ? event.get(field).getAsString() : "";
    }
}
