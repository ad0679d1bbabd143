import java.util.Map;
import java.util.TreeMap;

import com.ibm.icu.util.Region;
import com.ibm.icu.util.VersionInfo;

/**
 * Prints ICU's ISO 3166-1 numeric to alpha-2 table as one JSON object, {"004":"AF",...}, for the map
 * conversion (deploy/web/world-map/convert), so the codes come from CLDR like the suite's country
 * registry (posts-service CountryCatalog) and not from a table typed by hand.
 *
 * <pre>java -cp icu4j.jar deploy/web/world-map/IsoCodes.java [alpha-2 ...]</pre>
 *
 * Only territories are kept: the M49 numbers of continents and sub-regions (002 Africa, 150 Europe...)
 * resolve to groupings, not countries. With alpha-2 arguments it prints instead what ICU knows of those
 * codes (type and numeric code) on stderr, which is how the attribution notes on Kosovo were checked.
 */
public class IsoCodes {
    public static void main(String[] args) {
        for (String code : args) {
            Region region = Region.getInstance(code);
            System.err.printf("ICU %s: %s is a %s, numeric code %d%n",
                    VersionInfo.ICU_VERSION, region, region.getType(), region.getNumericCode());
        }
        Map<String, String> table = new TreeMap<>();
        for (int numeric = 1; numeric <= 999; numeric++) {
            Region region;
            try {
                region = Region.getInstance(numeric);
            } catch (IllegalArgumentException unknown) {
                continue; // no region has this number
            }
            if (region.getType() == Region.RegionType.TERRITORY) {
                table.put(String.format("%03d", numeric), region.toString());
            }
        }
        StringBuilder json = new StringBuilder("{");
        table.forEach((numeric, alpha2) -> json.append(json.length() > 1 ? "," : "")
                .append('"').append(numeric).append("\":\"").append(alpha2).append('"'));
        System.out.println(json.append('}'));
    }
}
