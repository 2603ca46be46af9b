package org.grandjour.ticket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import com.google.zxing.common.BitMatrix;

/** A printable A6 ticket (prints four to an A4 sheet): place, day, party, holder, the QR, FR/EN instructions. */
final class TicketPdf {
    private static final PDRectangle A6 = new PDRectangle(297.64f, 419.53f);
    private static final float MARGIN = 22;

    private TicketPdf() {
    }

    static byte[] render(TicketView t) {
        var a = t.offer().attraction();
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentInformation().setTitle("Grand Jour ticket " + t.code());
            PDPage page = new PDPage(A6);
            doc.addPage(page);
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                float width = A6.getWidth() - 2 * MARGIN;
                float y = A6.getHeight() - MARGIN - 14;
                y = text(c, bold, 16, "Grand Jour", y);
                y = text(c, regular, 9, "Entrée gratuite · Free entry", y);
                y -= 6;
                for (String line : wrap(a.name().fr().equals(a.name().en()) ? a.name().fr()
                        : a.name().fr() + " / " + a.name().en(), bold, 12, width)) {
                    y = text(c, bold, 12, line, y);
                }
                y = text(c, regular, 9, a.address() + ", " + a.postcode() + " " + a.town(), y);
                y = text(c, regular, 10, DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).localizedBy(Locale.FRENCH)
                        .format(t.offer().day()) + " · " + DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                        .localizedBy(Locale.UK).format(t.offer().day()), y);
                y = text(c, bold, 10, t.partySize() + (t.partySize() == 1 ? " personne · 1 person" : " personnes · "
                        + t.partySize() + " persons"), y);
                if (t.holderName() != null) {
                    y = text(c, regular, 9, t.holderName(), y);
                }
                if (t.status() == TicketStatus.CANCELLED) {
                    y = text(c, bold, 12, "ANNULÉ · CANCELLED", y);
                }

                BitMatrix qr = QrCodes.matrix(t.qrPayload());
                float side = Math.min(width, y - MARGIN - 70);
                float module = side / qr.getWidth();
                float left = (A6.getWidth() - side) / 2;
                float bottom = y - 6 - side;
                c.setNonStrokingColor(0f, 0f, 0f);
                for (int row = 0; row < qr.getHeight(); row++) {
                    for (int col = 0; col < qr.getWidth(); col++) {
                        if (qr.get(col, row)) {
                            c.addRect(left + col * module, bottom + (qr.getHeight() - 1 - row) * module, module, module);
                        }
                    }
                }
                c.fill();
                y = bottom - 14;
                y = text(c, bold, 11, "Code " + t.code(), y);
                y = text(c, regular, 8, "Présentez ce QR code à l'entrée, sur papier ou sur votre téléphone.", y);
                y = text(c, regular, 8, "Show this QR code at the door, printed or on your phone.", y);
                text(c, regular, 8, "Libérable jusqu'à l'ouverture du site le jour même · Release until the attraction opens on the day.", y);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float text(PDPageContentStream c, PDType1Font font, float size, String s, float y) throws IOException {
        c.beginText();
        c.setFont(font, size);
        c.newLineAtOffset(MARGIN, y);
        c.showText(winAnsi(s));
        c.endText();
        return y - size * 1.35f;
    }

    private static List<String> wrap(String s, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(winAnsi(candidate)) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The standard PDF fonts speak WinAnsi: Latin-1 and a few more; anything else becomes '?'. */
    private static String winAnsi(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.appendCodePoint(cp <= 0xFF || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".indexOf(cp) >= 0 ? cp : '?'));
        return sb.toString();
    }
}
