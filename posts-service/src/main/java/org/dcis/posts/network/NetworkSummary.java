package org.dcis.posts.network;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The network at a glance: posts, officers, and the share of countries it covers, by continent. */
@Schema(name = "NetworkSummary")
public record NetworkSummary(Posts posts, Officers officers, Countries countries) {

    public record Posts(long total, Map<String, Long> byStatus) {
    }

    public record Officers(long total, Map<String, Long> byForce, Map<String, Long> byRole) {
    }

    public record Countries(long covered, long total, long continentsCovered, List<ContinentCoverage> byContinent) {
    }

    public record ContinentCoverage(String code, String name, long covered, long total, long posts) {
    }
}
