package org.grandjour.scan;

import java.util.List;

/**
 * Fired inside the scan transaction with every scan judged there for the first time (never a retry):
 * one event for a whole offline batch, so the live figures are counted per group, not per scan.
 */
public record ScanEvents(List<ScanEvent> scans) {
}
