import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Validates an IATI activity file against the official 2.03 schema and code lists, offline.
 *
 * <pre>java deploy/iati/ValidateIati.java &lt;schema-dir&gt; &lt;xml-file&gt;</pre>
 *
 * {@code <schema-dir>} holds {@code iati-activities-schema.xsd}, {@code iati-common.xsd}, {@code xml.xsd} and
 * {@code codelists/*.xml} (../shared/iati-2.03 beside the project; they stay out of the repository). The JDK's
 * javax.xml.validation resolves the local {@code xml.xsd} import; nothing is fetched from the network (external
 * access is limited to local files). Then the code attributes are checked against the code lists (a withdrawn
 * code is an error), and the percentages of recipient countries and of sectors (per vocabulary) must add up to
 * 100 in each activity. Prints a short summary; exit 0 when valid, 1 when not, 2 when it could not run.
 */
public class ValidateIati {
    private static final int SHOWN = 40;

    /** Which attribute values must be codes of which list (file codelists/NAME.xml). */
    private static final Map<String, String> CODED = new LinkedHashMap<>();

    static {
        CODED.put("//iati-activity/activity-status/@code", "ActivityStatus");
        CODED.put("//iati-activity/activity-date/@type", "ActivityDateType");
        CODED.put("//participating-org/@role", "OrganisationRole");
        CODED.put("//reporting-org/@type | //participating-org/@type", "OrganisationType");
        CODED.put("//iati-activity/sector/@vocabulary", "SectorVocabulary");
        CODED.put("//iati-activity/sector[not(@vocabulary) or @vocabulary='1']/@code", "Sector");
        CODED.put("//result/@type", "ResultType");
        CODED.put("//result/indicator/@measure", "IndicatorMeasure");
        CODED.put("//recipient-country/@code", "Country");
        CODED.put("//@xml:lang", "Language");
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java deploy/iati/ValidateIati.java <schema-dir> <xml-file>");
            System.exit(2);
        }
        File schemaDir = new File(args[0]);
        File xml = new File(args[1]);
        File xsd = new File(schemaDir, "iati-activities-schema.xsd");
        for (File needed : List.of(xsd, new File(schemaDir, "codelists"), xml)) {
            if (!needed.exists()) {
                System.err.println("IATI validation could not run: " + needed + " does not exist");
                System.exit(2);
            }
        }
        List<String> errors = new ArrayList<>();
        int checkedCodes;
        int activities;
        try {
            schema(xsd, xml, errors);
            Document document = parse(xml);
            XPath xpath = xpath();
            activities = ((NodeList) xpath.evaluate("/iati-activities/iati-activity", document,
                    XPathConstants.NODESET)).getLength();
            checkedCodes = codes(new File(schemaDir, "codelists"), document, xpath, errors);
            sums(document, xpath, errors);
        } catch (Exception e) {
            System.err.println("IATI validation could not run: " + e);
            System.exit(2);
            return;
        }
        String what = xml.getPath() + ": " + activities + " activities, " + checkedCodes + " code values checked against "
                + CODED.size() + " code lists";
        if (errors.isEmpty()) {
            System.out.println("IATI 2.03 valid: " + what + "; schema " + xsd.getPath() + ": no error");
            System.exit(0);
        }
        System.out.println("IATI 2.03 INVALID: " + what + "; " + errors.size() + " error(s):");
        errors.stream().limit(SHOWN).forEach(error -> System.out.println("  " + error));
        if (errors.size() > SHOWN) {
            System.out.println("  ... and " + (errors.size() - SHOWN) + " more");
        }
        System.exit(1);
    }

    /** Every error of the schema (not only the first), with its line and column. */
    private static void schema(File xsd, File xml, List<String> errors) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Validator validator = factory.newSchema(xsd).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("schema: line " + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        try {
            validator.validate(new StreamSource(xml));
        } catch (SAXParseException e) {
            // reported through the handler already (a file that is not well-formed)
        }
    }

    private static int codes(File dir, Document document, XPath xpath, List<String> errors) throws Exception {
        Map<String, CodeList> lists = new HashMap<>();
        int checked = 0;
        for (Map.Entry<String, String> coded : CODED.entrySet()) {
            CodeList list = lists.computeIfAbsent(coded.getValue(), name -> CodeList.read(new File(dir, name + ".xml")));
            NodeList values = (NodeList) xpath.evaluate(coded.getKey(), document, XPathConstants.NODESET);
            for (int i = 0; i < values.getLength(); i++) {
                Node attribute = values.item(i);
                String value = attribute.getNodeValue();
                String where = where(attribute) + "/@" + attribute.getNodeName() + "=\"" + value + "\"";
                checked++;
                if (list.withdrawn.contains(value)) {
                    errors.add("code list " + list.name + ": " + where + " is a withdrawn code");
                } else if (!list.active.contains(value)) {
                    errors.add("code list " + list.name + ": " + where + " is not a code of the list");
                }
            }
        }
        return checked;
    }

    /** In each activity, recipient-country percentages, and sector percentages per vocabulary, add up to 100. */
    private static void sums(Document document, XPath xpath, List<String> errors) throws Exception {
        NodeList activities = (NodeList) xpath.evaluate("/iati-activities/iati-activity", document,
                XPathConstants.NODESET);
        for (int i = 0; i < activities.getLength(); i++) {
            Element activity = (Element) activities.item(i);
            String id = xpath.evaluate("iati-identifier", activity);
            String ref = xpath.evaluate("reporting-org/@ref", activity);
            if (!id.startsWith(ref + "-")) {
                errors.add("activity " + id + ": iati-identifier does not start with reporting-org/@ref " + ref + "-");
            }
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            NodeList countries = (NodeList) xpath.evaluate("recipient-country[@percentage]", activity,
                    XPathConstants.NODESET);
            for (int j = 0; j < countries.getLength(); j++) {
                totals.merge("recipient-country", percentage((Element) countries.item(j)), BigDecimal::add);
            }
            NodeList sectors = (NodeList) xpath.evaluate("sector[@percentage]", activity, XPathConstants.NODESET);
            for (int j = 0; j < sectors.getLength(); j++) {
                Element sector = (Element) sectors.item(j);
                String vocabulary = sector.hasAttribute("vocabulary") ? sector.getAttribute("vocabulary") : "1";
                totals.merge("sector vocabulary " + vocabulary, percentage(sector), BigDecimal::add);
            }
            totals.forEach((what, total) -> {
                if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
                    errors.add("activity " + id + ": " + what + " percentages add up to " + total.toPlainString()
                            + ", not 100");
                }
            });
        }
    }

    private static BigDecimal percentage(Element element) {
        try {
            return new BigDecimal(element.getAttribute("percentage"));
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO; // the schema's error (xsd:decimal) says it already
        }
    }

    /** The element's path, and the activity it is in. */
    private static String where(Node attribute) {
        StringBuilder path = new StringBuilder();
        String activity = null;
        for (Node n = ((org.w3c.dom.Attr) attribute).getOwnerElement(); n instanceof Element e; n = n.getParentNode()) {
            path.insert(0, "/" + e.getTagName());
            if (e.getTagName().equals("iati-activity")) {
                NodeList id = e.getElementsByTagName("iati-identifier");
                activity = id.getLength() == 0 ? null : id.item(0).getTextContent().strip();
            }
        }
        return (activity == null ? "" : "activity " + activity + ": ") + path;
    }

    private static Document parse(File file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file);
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "xml".equals(prefix) ? XMLConstants.XML_NS_URI : XMLConstants.NULL_NS_URI;
            }

            @Override
            public String getPrefix(String namespace) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String namespace) {
                return List.<String>of().iterator();
            }
        });
        return xpath;
    }

    /** The codes of one list file: active (or without a status) and withdrawn. */
    private record CodeList(String name, Set<String> active, Set<String> withdrawn) {
        static CodeList read(File file) {
            try {
                Document list = parse(file);
                Set<String> active = new TreeSet<>();
                Set<String> withdrawn = new TreeSet<>();
                NodeList items = list.getElementsByTagName("codelist-item");
                for (int i = 0; i < items.getLength(); i++) {
                    Element item = (Element) items.item(i);
                    NodeList code = item.getElementsByTagName("code");
                    if (code.getLength() == 0) {
                        continue;
                    }
                    String value = code.item(0).getTextContent().strip();
                    ("withdrawn".equals(item.getAttribute("status")) ? withdrawn : active).add(value);
                }
                if (active.isEmpty()) {
                    throw new IllegalStateException("no code in " + file);
                }
                return new CodeList(file.getName().replace(".xml", ""), active, withdrawn);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read code list " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
