package io.cogentx.plugins.loader.office;

import io.cogentx.spi.Segment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the XHTML that Tika's parsers write into segments that keep the document's structure: every
 * heading and paragraph a segment, every table row a segment with its header ({@link TableRows}),
 * footnotes after the paragraph that cites them; and names where each sits: {@code "slide 2"},
 * {@code "sheet Revenue"}, {@code "section History › Founding"}, {@code "attachment notes.txt"}
 * (attachments nest: {@code "attachment mail.eml › report.xlsx, sheet Revenue"}). Documents without
 * heading styles get sections from short paragraphs that are bold throughout. Every piece of text
 * is counted by the {@link Guard}, which stops the reading at its limits. One instance reads one
 * document, on one thread.
 */
final class Structure extends DefaultHandler {

  /** Longest heading or name shown in a location; longer ones are cut with "…". */
  static final int MAX_LABEL = 60;

  /** Longest bold paragraph taken for a heading in a document without heading styles. */
  private static final int MAX_PSEUDO_HEADING = 100;

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "blockquote",
          "pre",
          "figcaption",
          "caption",
          "address",
          "section",
          "article",
          "header",
          "footer",
          "aside",
          "nav",
          "main",
          "body",
          "html",
          "hr",
          "figure");
  private static final Set<String> SKIPPED =
      Set.of("head", "title", "script", "style", "noscript", "template", "object", "svg");
  private static final Set<String> SKIPPED_CLASSES =
      Set.of("slide-master-content", "package-entry", "embedded");
  private static final Set<String> NOTE_CLASSES =
      Set.of("footnote", "endnote", "note", "annotation", "comment");

  /** Table-of-contents paragraphs (Word's TOC styles): navigation that repeats the headings. */
  private static final Pattern TOC_CLASS = Pattern.compile("(?i)toc_?\\d*");

  /** Word's footnote markers as Tika writes them: "[footnoteRef:3]". */
  private static final Pattern NOTE_REF = Pattern.compile("\\[(?:footnoteRef|endnoteRef):(\\d+)]");

  private static final Pattern NUMBERED_NOTE =
      Pattern.compile("(\\d{1,4})[.)]?\\s+(.+)", Pattern.DOTALL);
  private static final Pattern BLANK_LINES = Pattern.compile("\\n[\\s\\u00a0]*\\n");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u2007\\u202f\\u200b]+");

  /** Excel's page header and footer codes (&"Arial,Bold" &12 &K00-020 &P &F …). */
  private static final Pattern SHEET_CODES =
      Pattern.compile("&\"[^\"]*\"|&K[0-9A-Fa-f]{6}|&K\\d\\d[+-]\\d{3}|&\\d+|&[A-Za-z]");

  /** The document, or an attachment in it, and where the reading is inside it. */
  private static final class Part {
    final String attachment;
    int slide;
    String sheet;
    boolean sheetNameExpected;
    boolean realHeadings;

    /** Open headings by level 1-6; 7 is a bold paragraph standing for one. */
    final String[] headings = new String[8];

    Part(String attachment) {
      this.attachment = attachment;
    }

    void heading(int level, String text) {
      headings[level] = text;
      for (int i = level + 1; i < headings.length; i++) {
        headings[i] = null;
      }
    }

    String inner() {
      if (slide > 0) {
        return "slide " + slide;
      }
      if (sheet != null) {
        return "sheet " + clip(sheet);
      }
      int level = headings.length - 1;
      while (level > 0 && headings[level] == null) {
        level--;
      }
      if (level == 0) {
        return null;
      }
      String label = clip(headings[level]);
      if (level >= 3) {
        for (int parent = level - 1; parent >= 2; parent--) {
          if (headings[parent] != null) {
            label = clip(headings[parent]) + " › " + label;
            break;
          }
        }
      }
      return "section " + label;
    }
  }

  /** An element's effect, undone at its end. */
  private record Frame(
      String name, boolean skip, boolean note, int heading, boolean titleHeading, String kind) {}

  /** The table being read: rows of cells. */
  private static final class Table {
    final TableRows.HeaderRule rule;
    final List<List<TableRows.Cell>> rows = new ArrayList<>();
    List<TableRows.Cell> row;
    StringBuilder cell;
    boolean headerCell;
    int nested;

    Table(TableRows.HeaderRule rule) {
      this.rule = rule;
    }
  }

  private final Guard guard;
  private final boolean tableDocument;
  private final List<Segment> segments = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Deque<Part> parts = new ArrayDeque<>();
  private final Deque<Frame> frames = new ArrayDeque<>();
  private final Deque<StringBuilder> notes = new ArrayDeque<>();
  private final Deque<Boolean> footnotes = new ArrayDeque<>();
  private final List<String> pendingNotes = new ArrayList<>();
  private final Deque<String> noteNumbers = new ArrayDeque<>();
  private final Deque<String> odfSheets = new ArrayDeque<>();
  private boolean odfSlides;
  private final StringBuilder block = new StringBuilder();
  private boolean blockHasText;
  private boolean blockAllBold = true;
  private int boldDepth;
  private int skipDepth;
  private Table table;
  private volatile int places;
  private String lastLocation = "\u0000"; // none yet: the first place counts too

  /**
   * @param tableDocument whether the document is a table (CSV): its first row is the header
   */
  Structure(Guard guard, boolean tableDocument) {
    this.guard = guard;
    this.tableDocument = tableDocument;
    parts.push(new Part(null));
  }

  /** The segments read so far, in reading order. */
  List<Segment> segments() {
    return segments;
  }

  List<String> warnings() {
    return warnings;
  }

  /** The sheet names or page count of an OpenDocument spreadsheet or presentation. */
  void outline(OdfOutline outline) {
    odfSheets.clear();
    odfSheets.addAll(outline.sheets().stream().map(n -> n == null ? "" : n).toList());
    odfSlides = outline.slides() > 0;
  }

  /** How many places (slides, sheets, sections, attachments) the reading has reached. */
  int places() {
    return places;
  }

  // --- parts: the document and its attachments ---

  /** Reading an attachment named {@code name} from here on (null: inline content, same place). */
  void enterAttachment(String name) {
    flushBlock();
    String shown = name == null || name.isBlank() ? "unnamed" : name.strip();
    parts.push(new Part(shown));
    emit("Attachment: " + Structure.normalise(shown)); // its name is part of what it is about
  }

  void exitAttachment() {
    flushBlock();
    if (parts.size() > 1) {
      parts.pop();
    }
  }

  /** How many segments there are: where a later {@link #insert} puts one. */
  int mark() {
    flushBlock();
    return segments.size();
  }

  /** Puts a segment at {@code index}, at the current location (e.g. an e-mail's header lines). */
  void insert(int index, String text) {
    segments.add(index, Segment.at(location(), text));
  }

  void warn(String warning) {
    if (!warnings.contains(warning)) {
      warnings.add(warning);
    }
  }

  /** Ends the reading: what is still open becomes segments. */
  void finish() {
    flushBlock();
  }

  /** Where the reading is now, e.g. {@code "attachment notes.eml › report.xlsx, sheet Revenue"}. */
  String location() {
    List<String> names = new ArrayList<>();
    parts
        .descendingIterator()
        .forEachRemaining(
            p -> {
              if (p.attachment != null) {
                names.add(clip(p.attachment));
              }
            });
    String inner = parts.peek().inner();
    String attachments = names.isEmpty() ? null : "attachment " + String.join(" › ", names);
    if (attachments == null) {
      return inner;
    }
    return inner == null ? attachments : attachments + ", " + inner;
  }

  // --- SAX ---

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts)
      throws SAXException {
    guard.check();
    String name = elementName(localName, qName);
    String classes = atts.getValue("class");
    if (skipDepth > 0
        || SKIPPED.contains(name)
        || hasClass(classes, SKIPPED_CLASSES)
        || (classes != null && TOC_CLASS.matcher(classes.strip()).matches())) {
      skipDepth++;
      frames.push(new Frame(name, true, false, 0, false, null));
      return;
    }
    if (hasClass(classes, NOTE_CLASSES)) {
      notes.push(new StringBuilder());
      footnotes.push(hasClass(classes, Set.of("footnote", "endnote", "note")));
      frames.push(new Frame(name, false, true, 0, false, null));
      return;
    }
    if (!notes.isEmpty()) {
      if (BLOCKS.contains(name) || name.equals("br") || name.equals("td")) {
        notes.peek().append(' ');
      }
      frames.push(new Frame(name, false, false, 0, false, null));
      return;
    }
    String kind = null;
    int heading = headingLevel(name);
    boolean titleHeading = false;
    switch (name) {
      case "table" -> {
        if (table != null && table.cell != null) {
          table.nested++;
        } else {
          flushBlock();
          if (!odfSheets.isEmpty() && table == null && parts.size() == 1) {
            Part part = parts.peek();
            part.sheet = odfSheets.poll();
            part.slide = 0;
            java.util.Arrays.fill(part.headings, null);
          }
          table = new Table(headerRule());
        }
      }
      case "tr" -> {
        if (table != null && table.nested > 0) {
          table.cell.append("; ");
        } else if (table != null) {
          table.row = new ArrayList<>();
        }
      }
      case "td", "th" -> {
        if (table != null && table.nested > 0) {
          table.cell.append(' ');
        } else if (table != null) {
          if (table.row == null) {
            table.row = new ArrayList<>();
          }
          table.cell = new StringBuilder();
          table.headerCell = name.equals("th");
        }
      }
      case "br" -> {
        if (inCell()) {
          table.cell.append(' ');
        } else {
          block.append('\n');
        }
      }
      case "b", "strong" -> boldDepth++;
      default -> {
        if (heading > 0) {
          flushBlock();
          titleHeading = hasClass(classes, Set.of("title", "subtitle"));
        } else if (name.equals("div")
            && (hasClass(classes, Set.of("slide-content"))
                || (odfSlides
                    && parts.size() == 1
                    && !frames.isEmpty()
                    && frames.peek().name().equals("body")))) {
          flushBlock();
          Part part = parts.peek();
          part.slide++;
          part.sheet = null;
          kind = "slide";
        } else if (name.equals("div") && hasClass(classes, Set.of("sheet", "page"))) {
          flushBlock();
          Part part = parts.peek();
          part.sheetNameExpected = true;
          kind = "sheet";
        } else if (BLOCKS.contains(name)) {
          if (inCell()) {
            table.cell.append(' ');
          } else {
            flushBlock();
          }
        }
      }
    }
    frames.push(new Frame(name, false, false, heading, titleHeading, kind));
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    Frame frame = frames.pop();
    if (frame.skip()) {
      skipDepth--;
      return;
    }
    if (frame.note()) {
      String note = normalise(notes.pop().toString());
      boolean footnote = footnotes.pop();
      if (!notes.isEmpty()) {
        notes.peek().append(' ').append(note);
      } else if (inCell()) {
        table.cell.append(" (").append(note).append(')');
      } else if (!note.isEmpty() && blockHasText) {
        pendingNotes.add((footnote ? "F" : "N") + note); // after the paragraph citing it
      } else if (!note.isEmpty()) {
        emit(footnote(note, footnote, noteNumbers.poll())); // after its paragraph already
      }
      return;
    }
    if (!notes.isEmpty()) {
      return;
    }
    String name = frame.name();
    switch (name) {
      case "table" -> {
        if (table != null && table.nested > 0) {
          table.nested--;
        } else if (table != null) {
          endRow();
          Table done = table;
          table = null;
          for (String row : TableRows.format(done.rows, done.rule)) {
            emit(row);
          }
        }
      }
      case "tr" -> {
        if (table != null && table.nested == 0) {
          endRow();
        }
      }
      case "td", "th" -> {
        if (table != null && table.nested == 0 && table.cell != null) {
          table.row.add(new TableRows.Cell(normalise(table.cell.toString()), table.headerCell));
          table.cell = null;
        }
      }
      case "b", "strong" -> boldDepth--;
      default -> {
        if (frame.heading() > 0) {
          heading(frame.heading(), frame.titleHeading());
        } else if (BLOCKS.contains(name)) {
          if (inCell()) {
            table.cell.append(' ');
          } else {
            flushBlock();
          }
        }
      }
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    guard.count(length);
    if (skipDepth > 0) {
      return;
    }
    if (!notes.isEmpty()) {
      notes.peek().append(ch, start, length);
    } else if (table != null) {
      if (table.cell != null) {
        table.cell.append(ch, start, length);
      }
    } else {
      block.append(ch, start, length);
      if (!isBlank(ch, start, length)) {
        blockHasText = true;
        if (boldDepth == 0) {
          blockAllBold = false;
        }
      }
    }
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    characters(ch, start, length);
  }

  @Override
  public void endDocument() {
    flushBlock();
  }

  // --- blocks ---

  private void heading(int level, boolean titleHeading) {
    String text = normalise(block.toString());
    resetBlock();
    if (text.isEmpty()) {
      return;
    }
    Part part = parts.peek();
    if (part.sheetNameExpected && level == 1) {
      part.sheet = text;
      part.slide = 0;
      part.sheetNameExpected = false;
      java.util.Arrays.fill(part.headings, null);
      return;
    }
    if (!titleHeading) {
      if (!part.realHeadings) {
        part.realHeadings = true;
        part.headings[7] = null;
      }
      part.heading(level, text);
    }
    emit(text);
  }

  private void flushBlock() {
    if (block.isEmpty()) {
      emitNotes();
      return;
    }
    String text = block.toString();
    if (text.contains("Ref:")) {
      java.util.regex.Matcher refs = NOTE_REF.matcher(text);
      while (refs.find()) {
        noteNumbers.add(refs.group(1));
      }
      text = refs.replaceAll("[$1]");
    }
    boolean bold = blockAllBold && blockHasText;
    resetBlock();
    Part part = parts.peek();
    String[] paragraphs = BLANK_LINES.split(text);
    for (String raw : paragraphs) {
      String paragraph = normalise(part.sheet != null ? sheetCodesRemoved(raw) : raw);
      if (paragraph.isEmpty()) {
        continue;
      }
      if (bold && paragraphs.length == 1 && standsForAHeading(part, paragraph)) {
        part.heading(7, paragraph);
      }
      emit(paragraph);
    }
    emitNotes();
  }

  /** A short bold paragraph in a document (part) without heading styles, outside slides/sheets. */
  private static boolean standsForAHeading(Part part, String paragraph) {
    return !part.realHeadings
        && part.slide == 0
        && part.sheet == null
        && paragraph.length() <= MAX_PSEUDO_HEADING
        && paragraph.codePoints().anyMatch(Character::isLetter)
        && !paragraph.endsWith(".");
  }

  private void emitNotes() {
    if (pendingNotes.isEmpty()) {
      return;
    }
    List<String> due = List.copyOf(pendingNotes);
    pendingNotes.clear();
    for (String note : due) {
      emit(footnote(note.substring(1), note.charAt(0) == 'F', noteNumbers.poll()));
    }
  }

  private void emit(String text) {
    if (text.isBlank()) {
      return;
    }
    String location = location();
    if (!java.util.Objects.equals(location, lastLocation)) {
      lastLocation = location;
      places++;
    }
    segments.add(Segment.at(location, text));
  }

  private void endRow() {
    if (table.cell != null) {
      table.row.add(new TableRows.Cell(normalise(table.cell.toString()), table.headerCell));
      table.cell = null;
    }
    if (table.row != null) {
      table.rows.add(table.row);
      table.row = null;
    }
  }

  private TableRows.HeaderRule headerRule() {
    return parts.peek().sheet != null && !tableDocument
        ? TableRows.HeaderRule.SPREADSHEET
        : TableRows.HeaderRule.FIRST_ROW;
  }

  private boolean inCell() {
    return table != null && table.cell != null;
  }

  private void resetBlock() {
    block.setLength(0);
    blockHasText = false;
    blockAllBold = true;
  }

  // --- text ---

  /**
   * A note as its own paragraph: "Footnote 3: The spelling …" with the number it starts with or the
   * marker that cited it; "Note: …" for comments and other notes.
   */
  static String footnote(String note, boolean footnote, String citedAs) {
    java.util.regex.Matcher numbered = NUMBERED_NOTE.matcher(note);
    if (numbered.matches()) {
      return (footnote ? "Footnote " : "Note ") + numbered.group(1) + ": " + numbered.group(2);
    }
    if (footnote) {
      return citedAs == null ? "Footnote: " + note : "Footnote " + citedAs + ": " + note;
    }
    return "Note: " + note;
  }

  static String normalise(String text) {
    return SPACES.matcher(text).replaceAll(" ").strip();
  }

  static String sheetCodesRemoved(String text) {
    return SHEET_CODES.matcher(text.replace("&&", "\u0000")).replaceAll(" ").replace('\u0000', '&');
  }

  static String clip(String label) {
    String text = normalise(label);
    while (text.endsWith(":")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1).strip() + "…";
  }

  private static String elementName(String localName, String qName) {
    String name = localName == null || localName.isEmpty() ? qName : localName;
    int colon = name.indexOf(':');
    return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
  }

  private static int headingLevel(String name) {
    if (name.length() == 2
        && name.charAt(0) == 'h'
        && name.charAt(1) >= '1'
        && name.charAt(1) <= '6') {
      return name.charAt(1) - '0';
    }
    return 0;
  }

  private static boolean hasClass(String classes, Set<String> wanted) {
    if (classes == null || classes.isEmpty()) {
      return false;
    }
    for (String c : classes.split("\\s+")) {
      if (wanted.contains(c.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBlank(char[] ch, int start, int length) {
    for (int i = start; i < start + length; i++) {
      if (!Character.isWhitespace(ch[i]) && ch[i] != '\u00a0') {
        return false;
      }
    }
    return true;
  }
}
