package dev.orgbff.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.orgbff.emulator.LogtoEmulator;

/** The tenant's state checked for anything half done, after the soak. */
final class StateScan {

    /** How a finding about an organization left without members starts: the documented case of a lost create answer. */
    static final String EMPTY_ORGANIZATION = "organization without members";

    private final List<String> findings;

    private StateScan(List<String> findings) {
        this.findings = findings;
    }

    /** Scans the organizations that are not in {@code seeded} (the demo's own include members without an admin on purpose). */
    static StateScan of(LogtoEmulator logto, Set<String> seeded) {
        List<String> findings = new ArrayList<>();
        for (String organization : logto.organizationIds()) {
            if (seeded.contains(organization)) {
                continue;
            }
            var members = logto.memberIds(organization);
            if (members.isEmpty()) {
                findings.add(EMPTY_ORGANIZATION + ": " + organization);
            } else if (members.stream().noneMatch(member -> logto.memberRoleNames(organization, member).contains("admin"))) {
                findings.add("organization without an admin: " + organization);
            }
        }
        return new StateScan(findings);
    }

    List<String> findings() {
        return findings;
    }
}
