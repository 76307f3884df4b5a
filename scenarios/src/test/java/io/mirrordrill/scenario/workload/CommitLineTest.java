package io.mirrordrill.scenario.workload;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommitLineTest {
    @Test
    void aCommitLineSaysWhichRecordsWentWhereAndKnowsItsLengthWithoutFormatting() {
        CommitLine line = new CommitLine(41, 60, "/data", "records.log");
        assertEquals("committed records 41..60 (20) to /data/records.log", line.text());
        for (CommitLine l : new CommitLine[] {line, new CommitLine(1, 1, "/data/", "r"),
                new CommitLine(999, 1_000_000_000L, "/var/lib/db", "orders.log")}) {
            assertEquals(l.text().length(), l.size(), l.text());
        }
    }
}
