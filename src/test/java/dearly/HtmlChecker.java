package dearly;

import nu.validator.vendor.thaiopensource.relaxng.impl.CombineValidator;
import nu.validator.vendor.thaiopensource.util.PropertyMap;
import nu.validator.vendor.thaiopensource.util.PropertyMapBuilder;
import nu.validator.vendor.thaiopensource.validate.ValidateProperty;
import nu.validator.vendor.thaiopensource.validate.Validator;
import nu.validator.vendor.thaiopensource.validate.prop.rng.RngProperty;
import nu.validator.vendor.thaiopensource.validate.rng.CompactSchemaReader;
import nu.validator.vendor.thaiopensource.xml.sax.Jaxp11XMLReaderCreator;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.checker.NormalizationChecker;
import nu.validator.checker.TextContentChecker;
import nu.validator.checker.UsemapChecker;
import nu.validator.checker.MicrodataChecker;
import nu.validator.checker.jing.CheckerSchema;
import nu.validator.checker.jing.CheckerValidator;
import nu.validator.checker.table.TableChecker;
import nu.validator.htmlparser.common.Heuristics;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.sax.HtmlParser;
import nu.validator.localentities.LocalCacheEntityResolver;
import nu.validator.xml.NullEntityResolver;
import nu.validator.xml.customelements.NamespaceChangingSchemaWrapper;
import nu.validator.xml.dataattributes.DataAttributeDroppingSchemaWrapper;
import nu.validator.xml.langattributes.XmlLangAttributeDroppingSchemaWrapper;
import nu.validator.xml.roleattributes.RoleAttributeFilteringSchemaWrapper;
import nu.validator.xml.templateelement.TemplateElementDroppingSchemaWrapper;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (the engine behind validator.w3.org/nu), in-process: the HTML schema and the
 * checker's own rules come inside its jar, so nothing is fetched. Warnings are not errors and are
 * not returned; every error is, with its line and column.
 */
public final class HtmlChecker {
    private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private final List<String> errors = new ArrayList<>();
    private final HtmlParser parser;
    private final Validator validator;

    /*
     * Put together as the checker's own SimpleDocumentValidator does, less its HTTP side, whose
     * static start needs Jetty 11 (Dearly runs Jetty 12): the HTML schema read from the jar's
     * local copy, the checker's assertions, and its checks that no schema can express.
     */
    public HtmlChecker() {
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // Advice, such as "consider avoiding viewport values that prevent zooming", not an error.
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(describe(e));
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(describe(e));
            }
        };
        try {
            LocalCacheEntityResolver local = new LocalCacheEntityResolver(new NullEntityResolver());
            local.setAllowRnc(true);
            PropertyMapBuilder schemaProperties = properties(collect);
            schemaProperties.put(ValidateProperty.ENTITY_RESOLVER, local);
            var html = CompactSchemaReader.getInstance().createSchema(local.resolveEntity(null, SCHEMA), schemaProperties.toPropertyMap());
            html = new NamespaceChangingSchemaWrapper(new TemplateElementDroppingSchemaWrapper(new RoleAttributeFilteringSchemaWrapper(
                    new XmlLangAttributeDroppingSchemaWrapper(new DataAttributeDroppingSchemaWrapper(html)))));
            PropertyMap validation = properties(collect).toPropertyMap();
            validator = Stream.of(new TableChecker(), new MicrodataChecker(), new NormalizationChecker(),
                            new TextContentChecker(), new UsemapChecker())
                    .map(checker -> (Validator) new CheckerValidator(checker, validation))
                    .reduce(new CombineValidator(html.createValidator(validation), CheckerSchema.ASSERTION_SCH.createValidator(validation)),
                            CombineValidator::new);
            parser = new HtmlParser();
            parser.setCommentPolicy(XmlViolationPolicy.ALLOW);
            parser.setContentNonXmlCharPolicy(XmlViolationPolicy.ALLOW);
            parser.setContentSpacePolicy(XmlViolationPolicy.ALTER_INFOSET);
            parser.setNamePolicy(XmlViolationPolicy.ALLOW);
            parser.setXmlnsPolicy(XmlViolationPolicy.ALTER_INFOSET);
            parser.setMappingLangToXmlLang(true);
            parser.setHeuristics(Heuristics.ALL);
            parser.setFeature("http://xml.org/sax/features/unicode-normalization-checking", true);
            parser.setContentHandler(validator.getContentHandler());
            parser.setErrorHandler(collect);
        } catch (Exception e) {
            throw new IllegalStateException("the Nu HTML Checker could not start", e);
        }
    }

    private static PropertyMapBuilder properties(ErrorHandler errors) {
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, errors);
        properties.put(ValidateProperty.XML_READER_CREATOR, new Jaxp11XMLReaderCreator());
        RngProperty.CHECK_ID_IDREF.add(properties);
        return properties;
    }

    /** Every error in the page's HTML, as "line:column message"; empty when it is valid. */
    public synchronized List<String> errors(String html) {
        errors.clear();
        InputSource source = new InputSource(new StringReader(html));
        source.setEncoding("UTF-8");
        try {
            parser.parse(source);
        } catch (SAXParseException e) {
            // Already reported to the handler.
        } catch (IOException | SAXException e) {
            errors.add("the checker failed: " + e);
        } finally {
            validator.reset(); // ready for the next page
        }
        return List.copyOf(errors);
    }

    private static String describe(SAXParseException e) {
        return e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage();
    }
}
