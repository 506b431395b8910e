package ir.peyk.transport.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The message updates the tree reader reads come out as the mapper reads them; the rest it leaves to the mapper. */
class TreeReaderTest {
    private static JsonNode tree(String json) throws Exception {
        return BotApi.JSON.readTree(json.replace('\'', '"'));
    }

    private static void sameAsTheMapper(String json) throws Exception {
        JsonNode raw = tree(json);
        Tg.Update read = TreeReader.update(raw);
        assertNotNull(read, json);
        assertEquals(BotApi.JSON.treeToValue(raw, Tg.Update.class), read, json);
    }

    @Test
    void messageUpdatesOfTheUsualShapesAreReadAsTheMapperReadsThem() throws Exception {
        sameAsTheMapper("{'update_id':7,'message':{'message_id':5,'from':{'id':42,'is_bot':false,'first_name':'سارا',"
                + "'last_name':'ک','username':'sara','language_code':'fa'},'chat':{'id':42,'type':'private',"
                + "'first_name':'سارا','username':'sara'},'date':1735000000,'text':'سلام، چند نفر؟'}}");
        sameAsTheMapper("{'update_id':9007199254740993,'brand_new':{'x':[1,2]},'message':{'message_id':6,"
                + "'chat':{'id':-1009007199254740993,'type':'supergroup','title':'گروه','extra':true},"
                + "'date':1735000000123,'caption':'عکس','entities':[],'photo':[{'file_id':'a'}]}}");
        sameAsTheMapper("{'update_id':8,'message':{'message_id':7,'from':{'id':1,'first_name':'a'},"
                + "'chat':{'id':1,'type':'private'},'text':'@bot چرا؟','reply_to_message':{'message_id':3,"
                + "'from':{'id':99,'is_bot':true,'first_name':'Peyk','username':'peyk_bot'},'chat':{'id':1},"
                + "'text':'پاسخ'}}}");
        sameAsTheMapper("{'update_id':0,'message':{'message_id':1,'from':null,'chat':{'id':3},'date':null,'text':null}}");
        sameAsTheMapper("{'message':{'chat':{'id':3}}}");
    }

    @Test
    void otherKindsAndOtherShapesAreLeftToTheMapper() throws Exception {
        assertNull(TreeReader.update(tree("{'update_id':1,'callback_query':{'id':'q','from':{'id':1},'data':'x'}}")));
        assertNull(TreeReader.update(tree("{'update_id':1,'edited_message':{'message_id':1}}")));
        assertNull(TreeReader.update(tree("{'update_id':1,'message':{'message_id':'5','chat':{'id':1}}}")),
                "a number sent as text: the mapper's coercion");
        assertNull(TreeReader.update(tree("{'update_id':1,'message':{'message_id':5,'chat':{'id':1},'text':12}}")));
        assertNull(TreeReader.update(tree("{'update_id':1,'message':{'message_id':{'oops':1},'chat':'nope'}}")));
        assertNull(TreeReader.update(tree("{'update_id':1,'message':{'message_id':5,'chat':{'id':1.5}}}")));
        assertNull(TreeReader.update(tree("{'update_id':1,'message':{'message_id':5,'from':{'id':1,'is_bot':'no'}}}")));
        assertNull(TreeReader.update(tree("{'update_id':1,'message':{'message_id':5,'chat':{'id':123456789012345678901}}}")),
                "beyond 64 bits");
        assertNull(TreeReader.update(tree("[1]")));
    }
}
