package io.cogentx.plugins.embedding.onnx;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sentences whose vectors are recorded by {@code reference.GenerateReferenceVectors}. */
public final class ReferenceSentences {

  private ReferenceSentences() {}

  public static Map<String, String> all() {
    Map<String, String> sentences = new LinkedHashMap<>();
    sentences.put("short", "The cat sits on the mat.");
    sentences.put("question", "Which river flows through the city of Cairo?");
    sentences.put(
        "unicode",
        "Zürich's café served crème brûlée; 東京 and Москва were mentioned, naïvely — ½ price! 🙂");
    sentences.put(
        "paragraph",
        "The Normans were the people who in the 10th and 11th centuries gave their name to"
            + " Normandy, a region in France. They were descended from Norse raiders and pirates"
            + " from Denmark, Iceland and Norway who, under their leader Rollo, agreed to swear"
            + " fealty to King Charles III of West Francia. Through generations of assimilation"
            + " and mixing with the native Frankish and Roman-Gaulish populations, their"
            + " descendants would gradually merge with the Carolingian-based cultures of West"
            + " Francia.");
    sentences.put("long", longText());
    return sentences;
  }

  /**
   * Well over 256 word pieces on three different topics, so truncating at 128 or not truncating at
   * all would change the vector: only the first 254 word pieces (plus [CLS] and [SEP]) count.
   */
  public static String longText() {
    return String.join(
        " ",
        "Photosynthesis converts light energy into chemical energy stored in glucose.",
        "Chlorophyll absorbs mostly blue and red light and reflects green, which is why leaves",
        "look green to us. The light-dependent reactions take place in the thylakoid membranes,",
        "while the Calvin cycle fixes carbon dioxide in the stroma of the chloroplast. Oxygen is",
        "released as a by-product when water molecules are split, and the overall rate depends on",
        "light intensity, temperature and the concentration of carbon dioxide in the air.",
        "The Roman Republic was governed by two consuls elected every year, a senate of former",
        "magistrates and several popular assemblies. After a century of civil wars, Augustus",
        "concentrated power in his own hands while keeping the outward forms of the republic, and",
        "the emperors who followed him ruled a territory stretching from Britain to Egypt. Roads,",
        "aqueducts and a common legal system held the provinces together for centuries.",
        "In association football each team fields eleven players, and only the goalkeeper may",
        "handle the ball inside the penalty area. A match lasts ninety minutes, divided into two",
        "halves, with time added by the referee for stoppages. The offside rule prevents attackers",
        "from waiting near the opposing goal, and a penalty kick is awarded for fouls committed",
        "inside the area. Tournaments such as the World Cup draw enormous television audiences.",
        "Volcanoes form where magma reaches the surface through cracks in the crust of the Earth.",
        "Shield volcanoes have gentle slopes built by runny basalt lava, whereas stratovolcanoes",
        "are steep cones of alternating ash and lava layers that can erupt explosively.");
  }
}
