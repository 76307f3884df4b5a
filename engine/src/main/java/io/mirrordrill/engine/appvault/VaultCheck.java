package io.mirrordrill.engine.appvault;

/**
 * What checking an AppVault concluded: usable or not, the Ready condition's reason and message, and whether a retry
 * may succeed without anyone changing anything (a store that is down, an unreachable site).
 */
record VaultCheck(boolean available, String reason, String message, boolean transientFailure) {
    static VaultCheck available(String message) {
        return new VaultCheck(true, VaultReasons.AVAILABLE, message, false);
    }

    static VaultCheck failed(String reason, String message, boolean transientFailure) {
        return new VaultCheck(false, reason, message, transientFailure);
    }

    static VaultCheck failed(AppVaultException e) {
        return failed(e.reason(), e.getMessage(), false);
    }
}
