package io.mirrordrill.emulator.s3;

import io.mirrordrill.port.objectstore.S3Errors;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The XML request bodies the server reads (CompleteMultipartUpload, Delete), parsed with DTDs and external entities
 * refused. A body that does not parse or lacks a required element is S3's 400 MalformedXML.
 */
final class RequestXml {
    /** The objects of a DeleteObjects request; S3 takes at most 1,000 per request. */
    record Delete(List<String> keys, boolean quiet) {}

    static final int MAX_DELETE_KEYS = 1000;

    private RequestXml() {}

    static List<S3Store.CompletedPart> completeMultipartUpload(byte[] body, String bucket, String key) {
        Element root = parse(body, "CompleteMultipartUpload", bucket, key);
        List<S3Store.CompletedPart> parts = new ArrayList<>();
        for (Element part : children(root, "Part")) {
            String number = text(part, "PartNumber");
            String etag = text(part, "ETag");
            if (number == null || etag == null) {
                throw S3Errors.malformedXml(bucket, key);
            }
            try {
                parts.add(new S3Store.CompletedPart(Integer.parseInt(number.trim()), etag));
            } catch (NumberFormatException e) {
                throw S3Errors.malformedXml(bucket, key);
            }
        }
        return parts;
    }

    static Delete delete(byte[] body, String bucket) {
        Element root = parse(body, "Delete", bucket, null);
        List<String> keys = new ArrayList<>();
        for (Element object : children(root, "Object")) {
            String key = text(object, "Key");
            if (key == null) {
                throw S3Errors.malformedXml(bucket, null);
            }
            keys.add(key);
        }
        if (keys.isEmpty() || keys.size() > MAX_DELETE_KEYS) {
            throw S3Errors.malformedXml(bucket, null);
        }
        return new Delete(keys, "true".equalsIgnoreCase(String.valueOf(text(root, "Quiet")).trim()));
    }

    private static Element parse(byte[] body, String rootName, String bucket, String key) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new ByteArrayInputStream(body));
            Element root = doc.getDocumentElement();
            if (!rootName.equals(root.getLocalName())) {
                throw S3Errors.malformedXml(bucket, key);
            }
            return root;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw S3Errors.malformedXml(bucket, key);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text of the first child element called {@code name}, or null when there is none. */
    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent();
    }
}
