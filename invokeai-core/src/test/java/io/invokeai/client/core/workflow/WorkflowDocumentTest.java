package io.invokeai.client.core.workflow;

import static io.invokeai.client.core.workflow.Fixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invokeai.client.InvokeAIException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class WorkflowDocumentTest {
    private final NodeTemplates templates = Fixtures.templates();

    static final List<String> WORKFLOWS = Fixtures.WORKFLOWS;

    @ParameterizedTest
    @FieldSource("WORKFLOWS")
    void everyExportMigratesAndValidates(String name) {
        WorkflowDocument doc = WorkflowDocument.parse(Fixtures.text("workflows/" + name));
        assertThat(doc.json().getJsonObject("meta").getString("version")).isEqualTo("4.0.0");
        assertThat(doc.sourceVersion()).isIn("3.0.0", "4.0.0");

        WorkflowDocument valid = doc.validate(templates);
        assertThat(valid.isValidatedAgainst(templates)).isTrue();
        assertThat(valid.validate(templates)).isSameAs(valid);
        assertThat(valid.formFields()).isNotEmpty();
        assertThat(valid.edges()).hasSameSizeAs(doc.edges()); // GUI exports have no broken edges
        assertThat(valid.warnings()).noneMatch(w -> w.startsWith("deleted"));
    }

    @Test
    void numbersAndUnknownMembersSurvive() {
        JsonObject raw = Fixtures.parse("{\"name\":\"n\",\"x-custom\":{\"keep\":1.50},\"meta\":{\"version\":\"3.0.0\"},"
                + "\"nodes\":[],\"edges\":[],\"exposedFields\":[]}");
        WorkflowDocument doc = WorkflowDocument.parse(raw);

        assertThat(doc.json().toString()).contains("\"x-custom\":{\"keep\":1.50}");
        assertThat(doc.json().getString("author")).isEmpty(); // missing strings default to ""
        assertThat(doc.json().getJsonObject("meta").getString("category")).isEqualTo("user");
        assertThat(doc.form())
                .isEqualTo(q("{'elements':{'root':{'id':'root','type':'container',"
                        + "'data':{'layout':'column','children':[]}}},'rootElementId':'root'}"));
    }

    @Test
    void aVersionOneWorkflowMigratesToFourAndBinds() {
        JsonObject v1 = q("{'name':'old one','meta':{'version':'1.0.0'},"
                + "'nodes':[{'id':'n1','type':'invocation','position':{'x':10,'y':20},'width':320,'height':200,"
                + "  'data':{'id':'n1','type':'noise','label':'My Noise','isOpen':true,'notes':'','embedWorkflow':false,"
                + "   'isIntermediate':true,'version':'1.0.0',"
                + "   'inputs':{'seed':{'id':'i1','name':'seed','type':'integer','fieldKind':'input','label':'','value':7},"
                + "             'width':{'id':'i2','name':'width','type':'integer','fieldKind':'input','label':'Breite',"
                + "                      'value':640},"
                + "             'height':{'id':'i3','name':'height','type':'integer','fieldKind':'input','label':'',"
                + "                      'value':448},"
                + "             'use_cpu':{'id':'i4','name':'use_cpu','type':'boolean','fieldKind':'input','label':'',"
                + "                      'value':true}},"
                + "   'outputs':{'noise':{'id':'o1','name':'noise','type':'LatentsField','fieldKind':'output'}}}},"
                + " {'id':'note','type':'notes','position':{'x':0,'y':0},"
                + "  'data':{'id':'note','type':'notes','label':'','isOpen':true,'notes':'hello'}}],"
                + "'edges':[],"
                + "'exposedFields':[{'nodeId':'n1','fieldName':'width'},{'nodeId':'n1','fieldName':'seed'}]}");
        WorkflowDocument doc = WorkflowDocument.parse(v1);

        assertThat(doc.sourceVersion()).isEqualTo("1.0.0");
        JsonObject meta = doc.json().getJsonObject("meta");
        assertThat(meta.getString("version")).isEqualTo("4.0.0");
        assertThat(meta.getString("category")).isEqualTo("user");
        JsonObject node = doc.node("n1").orElseThrow();
        assertThat(node).doesNotContainKeys("width", "height");
        JsonObject data = node.getJsonObject("data");
        assertThat(data.getString("nodePack")).isEqualTo("invokeai");
        assertThat(data).doesNotContainKeys("outputs", "embedWorkflow");
        assertThat(data.getBoolean("useCache")).isTrue();
        assertThat(data.getJsonObject("inputs").getJsonObject("width"))
                .isEqualTo(q("{'name':'width','label':'Breite','value':640,'description':''}"));

        BoundWorkflow bound = BoundWorkflow.bind(doc, templates, Fixtures.registry());
        // no form: built from exposedFields, in their order
        assertThat(bound.inputs()).extracting(i -> i.name()).containsExactly("Breite", "Seed");
        assertThat(bound.input("Breite").qualifiedName()).isEqualTo("My Noise.width");
        assertThat(bound.get("Breite").toJson()).isEqualTo(Json.createValue(640));
        // the noise node was updated to the template (same major version): new input, kept values
        JsonObject updated = bound.document().node("n1").orElseThrow().getJsonObject("data");
        assertThat(updated.getString("version"))
                .isEqualTo(templates.get("noise").orElseThrow().version());
        assertThat(updated.getJsonObject("inputs").getJsonObject("noise_type").getString("value"))
                .isEqualTo("SD");
        assertThat(updated.getJsonObject("inputs").getJsonObject("height").getInt("value"))
                .isEqualTo(448);
        JsonObject form = bound.document().form();
        String first = form.getJsonObject("elements")
                .getJsonObject("root")
                .getJsonObject("data")
                .getJsonArray("children")
                .getString(0);
        JsonObject element = form.getJsonObject("elements").getJsonObject(first);
        assertThat(element.getString("parentId")).isEqualTo("root");
        assertThat(element.getJsonObject("data").getJsonObject("settings"))
                .isEqualTo(q("{'type':'integer-field-config','showShuffle':false,'component':'number-input'}"));
        assertThat(element.getJsonObject("data").getBoolean("showDescription")).isFalse();
        // deterministic element ids
        assertThat(BoundWorkflow.bind(WorkflowDocument.parse(v1), templates, Fixtures.registry())
                        .document()
                        .form())
                .isEqualTo(form);
    }

    @Test
    void aVersionTwoWorkflowLosesItsInlineTypes() {
        JsonObject v2 = q("{'name':'v2','author':'','description':'','version':'','contact':'','tags':'','notes':'',"
                + "'meta':{'version':'2.0.0','category':'user'},"
                + "'nodes':[{'id':'a','type':'invocation','position':{'x':0,'y':0},"
                + "  'data':{'id':'a','type':'add','label':'','isOpen':true,'notes':'','isIntermediate':true,"
                + "   'useCache':true,'version':'1.0.1','nodePack':'invokeai',"
                + "   'inputs':{'a':{'id':'x','name':'a','fieldKind':'input','label':'First',"
                + "                  'type':{'name':'IntegerField','isCollection':false,'isCollectionOrScalar':false},"
                + "                  'value':3}},"
                + "   'outputs':{'value':{'id':'y','name':'value','fieldKind':'output',"
                + "                  'type':{'name':'IntegerField','isCollection':false,'isCollectionOrScalar':false}}}}}],"
                + "'edges':[],'exposedFields':[{'nodeId':'a','fieldName':'a'}]}");
        WorkflowDocument doc = WorkflowDocument.parse(v2, templates);

        assertThat(doc.node("a")
                        .orElseThrow()
                        .getJsonObject("data")
                        .getJsonObject("inputs")
                        .getJsonObject("a"))
                .isEqualTo(q("{'name':'a','label':'First','value':3,'description':''}"));
        assertThat(doc.node("a").orElseThrow().getJsonObject("data")).doesNotContainKey("outputs");
        BoundWorkflow bound = BoundWorkflow.bind(doc, templates, Fixtures.registry());
        assertThat(bound.inputs()).extracting(i -> i.name()).containsExactly("First");
    }

    @Test
    void unknownVersionOneFieldTypesFail() {
        JsonObject v1 = q("{'meta':{'version':'1.0.0'},'nodes':[{'id':'n','type':'invocation',"
                + "'data':{'id':'n','type':'add','inputs':{'a':{'name':'a','type':'Quaternion'}},'outputs':{}}}]}");
        assertThatThrownBy(() -> WorkflowDocument.parse(v1))
                .isInstanceOf(InvokeAIException.class)
                .hasMessageContaining("Quaternion");
    }

    @Test
    void versionsItCannotRead() {
        assertThatThrownBy(() -> WorkflowDocument.parse(q("{'meta':{'version':'9.0.0'},'nodes':[]}")))
                .isInstanceOf(InvokeAIException.class)
                .hasMessageContaining("9.0.0");
        assertThatThrownBy(() -> WorkflowDocument.parse(q("{'nodes':[]}")))
                .isInstanceOf(InvokeAIException.class)
                .hasMessageContaining("meta.version");
        assertThatThrownBy(() -> WorkflowDocument.parse("[1,2]")).isInstanceOf(InvokeAIException.class);
        assertThatThrownBy(() -> WorkflowDocument.parse("{oops")).isInstanceOf(InvokeAIException.class);
    }

    @Test
    void aMalformedFormIsReplacedButABrokenStructureFails() {
        JsonObject malformed = TestWorkflow.create()
                .node("A", "add", Map.of())
                .expose("A", "a")
                .form(q("{'rootElementId':'root','elements':{'root':{'id':'root','type':'container',"
                        + "'data':{'layout':'diagonal','children':[]}}}}"))
                .build();
        WorkflowDocument doc = WorkflowDocument.parse(malformed, templates);
        assertThat(doc.warnings()).anySatisfy(w -> assertThat(w).contains("form is malformed"));
        assertThat(doc.formFields()).extracting(f -> f.fieldName()).containsExactly("a"); // rebuilt from exposedFields

        JsonObject orphan = TestWorkflow.create()
                .node("A", "add", Map.of())
                .form(q("{'rootElementId':'root','elements':{"
                        + "'root':{'id':'root','type':'container','data':{'layout':'column','children':[]}},"
                        + "'h':{'id':'h','type':'heading','parentId':'root','data':{'content':'lost'}}}}"))
                .build();
        assertThatThrownBy(() -> WorkflowDocument.parse(orphan))
                .isInstanceOf(InvokeAIException.class)
                .hasMessageContaining("form structure");
    }

    @Test
    void formFieldsAreDepthFirstAndGoneFieldsAreRemoved() {
        JsonObject wf = TestWorkflow.create()
                .node("A", "add", Map.of())
                .node("B", "add", Map.of())
                .form(
                        q(
                                "{'rootElementId':'root','elements':{"
                                        + "'root':{'id':'root','type':'container','data':{'layout':'column','children':['c','f3']}},"
                                        + "'c':{'id':'c','type':'container','parentId':'root','data':{'layout':'row','children':['f1','t','f2']}},"
                                        + "'t':{'id':'t','type':'text','parentId':'c','data':{'content':'hi'}},"
                                        + "'f1':{'id':'f1','type':'node-field','parentId':'c',"
                                        + "      'data':{'fieldIdentifier':{'nodeId':'B','fieldName':'b'},'showDescription':true}},"
                                        + "'f2':{'id':'f2','type':'node-field','parentId':'c',"
                                        + "      'data':{'fieldIdentifier':{'nodeId':'A','fieldName':'a'},'showDescription':true}},"
                                        + "'f3':{'id':'f3','type':'node-field','parentId':'root',"
                                        + "      'data':{'fieldIdentifier':{'nodeId':'A','fieldName':'gone'},'showDescription':true}}}}"))
                .build();
        WorkflowDocument doc = WorkflowDocument.parse(wf, templates);

        assertThat(doc.formFields())
                .extracting(f -> f.nodeId() + "." + f.fieldName())
                .containsExactly("B.b", "A.a");
        assertThat(doc.form().getJsonObject("elements")).doesNotContainKey("f3");
        assertThat(doc.form()
                        .getJsonObject("elements")
                        .getJsonObject("root")
                        .getJsonObject("data")
                        .getJsonArray("children"))
                .containsExactly(Json.createValue("c"));
        assertThat(doc.warnings()).anySatisfy(w -> assertThat(w).contains("A.gone"));
    }

    @Test
    void nodesOfAnotherMajorVersionAreKeptAsTheyAre() {
        WorkflowDocument doc = WorkflowDocument.parse(Fixtures.workflow("FLUX Image to Image.json"), templates);
        JsonObject denoise = doc.nodes().stream()
                .filter(n -> n.getJsonObject("data").getString("type").equals("flux_denoise"))
                .findFirst()
                .orElseThrow()
                .getJsonObject("data");
        assertThat(denoise.getString("version")).isEqualTo("3.0.0");
        assertThat(doc.warnings())
                .anySatisfy(w -> assertThat(w).contains("flux_denoise").contains("major"));
    }

    @Test
    void withInputValuesSetsAndUnsets() {
        WorkflowDocument doc =
                TestWorkflow.create().node("A", "add", Map.of("a", 1, "b", 2)).document();
        WorkflowDocument changed = doc.withInputValues(
                Map.of("A", Map.of("a", Json.createValue(5), "b", JsonValue.NULL, "extra", Json.createValue("x"))));

        JsonObject inputs =
                changed.node("A").orElseThrow().getJsonObject("data").getJsonObject("inputs");
        assertThat(inputs.getJsonObject("a").getInt("value")).isEqualTo(5);
        assertThat(inputs.getJsonObject("b")).doesNotContainKey("value").containsKey("name");
        assertThat(inputs.getJsonObject("extra").getString("value")).isEqualTo("x");
        assertThat(doc.node("A")
                        .orElseThrow()
                        .getJsonObject("data")
                        .getJsonObject("inputs")
                        .getJsonObject("a")
                        .getInt("value"))
                .isEqualTo(1);
        assertThat(changed.isValidatedAgainst(templates)).isTrue();
    }

    @Test
    void readsTheWorkflowFromPngTextChunks() throws Exception {
        String workflow = Fixtures.text("workflows/sdxl-text-to-image.json");
        byte[] tEXt = png(
                chunk("tEXt", latin1("invokeai_metadata\0{}")),
                chunk("tEXt", latin1("invokeai_workflow\0" + "{\"a\":1}")));
        assertThat(WorkflowDocument.fromPng(tEXt)).contains("{\"a\":1}");

        byte[] zTXt = png(chunk("zTXt", concat(latin1("invokeai_workflow\0\0"), deflate(latin1(workflow)))));
        assertThat(WorkflowDocument.fromPng(zTXt)).contains(workflow);

        String unicode = "{\"name\":\"Grüße ✓\"}";
        byte[] iTXtPlain = png(chunk(
                "iTXt", concat(latin1("invokeai_workflow\0\0\0en\0\0"), unicode.getBytes(StandardCharsets.UTF_8))));
        assertThat(WorkflowDocument.fromPng(iTXtPlain)).contains(unicode);
        byte[] iTXtZip = png(chunk(
                "iTXt",
                concat(latin1("invokeai_workflow\0\1\0\0\0"), deflate(unicode.getBytes(StandardCharsets.UTF_8)))));
        assertThat(WorkflowDocument.fromPng(iTXtZip)).contains(unicode);
        assertThat(WorkflowDocument.parse(WorkflowDocument.fromPng(zTXt).orElseThrow())
                        .name())
                .isEqualTo("sdxl-text-to-image");

        assertThat(WorkflowDocument.fromPng(png(chunk("tEXt", latin1("invokeai_graph\0{}")))))
                .isEmpty();
        assertThat(WorkflowDocument.fromPng("not a png".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(WorkflowDocument.fromPng(new byte[0])).isEmpty();
        byte[] truncated = java.util.Arrays.copyOf(tEXt, tEXt.length - 30);
        assertThat(WorkflowDocument.fromPng(truncated)).isEmpty();
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    private static byte[] png(byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        out.writeBytes(chunk("IHDR", new byte[13]));
        for (byte[] c : chunks) {
            out.writeBytes(c);
        }
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }
}
