package io.mirrordrill.emulator.element;

import io.mirrordrill.port.element.AccountRecord;

import java.util.List;
import java.util.TreeSet;

/** A tenant account: volumes belong to one. */
final class Account {
    final long id;
    final String username;
    final TreeSet<Long> volumes = new TreeSet<>();

    Account(long id, String username) {
        this.id = id;
        this.username = username;
    }

    AccountRecord record() {
        return new AccountRecord(id, username, "active", List.copyOf(volumes));
    }
}
