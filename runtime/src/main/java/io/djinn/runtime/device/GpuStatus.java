package io.djinn.runtime.device;

/**
 * One GPU as {@code nvidia-smi} reports it. Fields the driver does not report ([N/A], [Not Supported])
 * are null.
 */
public record GpuStatus(int index, String uuid, String name, String driverVersion, Long memoryUsedMiB,
        Long memoryTotalMiB, Integer utilizationPercent, Integer temperatureC, Double powerDrawW, Double powerLimitW,
        String computeCapability) {}
