package no.kraft.cis.elhub.lookup;

import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.ExcC14NParameterSpec;
import no.kraft.cis.elhub.maskinporten.SigningKey;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * WS-Security (OASIS WSS 1.1, X.509 token profile) for EMIF's SOAP calls: a {@code wsse:Security} header with a
 * {@code wsu:Timestamp}, the enterprise certificate as a {@code wsse:BinarySecurityToken}, and an XML signature
 * (RSA-SHA256, exclusive canonicalisation) over the timestamp and the SOAP body. Without a certificate (the local
 * stand-in's throw-away key) the key goes in {@code ds:KeyValue} instead.
 */
public final class WsSecurity {

    public static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String X509 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3";
    private static final String BASE64 = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private WsSecurity() {
    }

    /** Signs an envelope that has a {@code soapenv:Header} and {@code soapenv:Body}; the timestamp lives 5 minutes. */
    public static void sign(Document envelope, SigningKey key, Instant now) {
        try {
            Element header = first(envelope, SOAP, "Header");
            Element body = first(envelope, SOAP, "Body");
            // namespace declarations as attributes, so the signed (canonical) form is the one the receiver parses
            Element security = envelope.createElementNS(WSSE, "wsse:Security");
            security.setAttributeNS(XMLNS, "xmlns:wsse", WSSE);
            security.setAttributeNS(XMLNS, "xmlns:wsu", WSU);
            security.setAttributeNS(SOAP, "soapenv:mustUnderstand", "1");
            header.appendChild(security);

            Element timestamp = envelope.createElementNS(WSU, "wsu:Timestamp");
            timestamp.setAttributeNS(XMLNS, "xmlns:wsu", WSU);
            timestamp.setAttributeNS(WSU, "wsu:Id", "TS-1");
            timestamp.setIdAttributeNS(WSU, "Id", true);
            Element created = envelope.createElementNS(WSU, "wsu:Created");
            created.setTextContent(now.truncatedTo(ChronoUnit.SECONDS).toString());
            Element expires = envelope.createElementNS(WSU, "wsu:Expires");
            expires.setTextContent(now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(300).toString());
            timestamp.appendChild(created);
            timestamp.appendChild(expires);
            security.appendChild(timestamp);

            body.setAttributeNS(XMLNS, "xmlns:wsu", WSU);
            body.setAttributeNS(WSU, "wsu:Id", "Body-1");
            body.setIdAttributeNS(WSU, "Id", true);

            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            DigestMethod sha256 = factory.newDigestMethod(DigestMethod.SHA256, null);
            List<Transform> excC14n = List.of(factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (ExcC14NParameterSpec) null));
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(RSA_SHA256, null),
                    List.of(factory.newReference("#TS-1", sha256, excC14n, null, null),
                            factory.newReference("#Body-1", sha256, excC14n, null, null)));
            KeyInfoFactory keys = factory.getKeyInfoFactory();
            KeyInfo keyInfo;
            if (key.chain().isEmpty()) {
                keyInfo = keys.newKeyInfo(List.of(keys.newKeyValue(key.publicKey())));
            } else {
                Element token = envelope.createElementNS(WSSE, "wsse:BinarySecurityToken");
                token.setAttributeNS(WSU, "wsu:Id", "X509-1");
                token.setAttribute("ValueType", X509);
                token.setAttribute("EncodingType", BASE64);
                token.setTextContent(Base64.getEncoder().encodeToString(key.chain().getFirst().getEncoded()));
                security.insertBefore(token, timestamp);
                Element reference = envelope.createElementNS(WSSE, "wsse:SecurityTokenReference");
                Element ref = envelope.createElementNS(WSSE, "wsse:Reference");
                ref.setAttribute("URI", "#X509-1");
                ref.setAttribute("ValueType", X509);
                reference.appendChild(ref);
                keyInfo = keys.newKeyInfo(List.of(new DOMStructure(reference)));
            }
            XMLSignature signature = factory.newXMLSignature(signedInfo, keyInfo);
            signature.sign(new DOMSignContext(key.privateKey(), security));
        } catch (java.security.GeneralSecurityException | javax.xml.crypto.MarshalException
                 | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IllegalStateException("cannot sign the EMIF request: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Whether the envelope carries a valid signature by {@code key} that covers its SOAP body (used by the stand-in;
     * the real EMIF does the same with our registered certificate).
     */
    public static boolean verify(Document envelope, PublicKey key) {
        try {
            NodeList signatures = envelope.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
            if (signatures.getLength() != 1) {
                return false;
            }
            Element body = first(envelope, SOAP, "Body");
            if (!body.hasAttributeNS(WSU, "Id")) {
                return false;
            }
            body.setIdAttributeNS(WSU, "Id", true);
            NodeList timestamps = envelope.getElementsByTagNameNS(WSU, "Timestamp");
            for (int i = 0; i < timestamps.getLength(); i++) {
                ((Element) timestamps.item(i)).setIdAttributeNS(WSU, "Id", true);
            }
            DOMValidateContext context = new DOMValidateContext(key, signatures.item(0));
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            String bodyReference = "#" + body.getAttributeNS(WSU, "Id");
            boolean coversBody = signature.getSignedInfo().getReferences().stream()
                    .map(r -> ((Reference) r).getURI()).anyMatch(bodyReference::equals);
            return coversBody && signature.validate(context);
        } catch (Exception e) {
            return false;
        }
    }

    static Element first(Document document, String namespace, String name) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, name);
        if (nodes.getLength() == 0) {
            throw new IllegalArgumentException("no " + name + " element");
        }
        return (Element) nodes.item(0);
    }
}
