package io.mirrordrill.port.element;

import java.util.List;

/** An account as {@code ListAccounts} returns it; the CHAP secrets are never part of the record. */
public record AccountRecord(long accountID, String username, String status, List<Long> volumes) {
    public AccountRecord {
        volumes = List.copyOf(volumes);
    }
}
