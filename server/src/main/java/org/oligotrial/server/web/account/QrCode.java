package org.oligotrial.server.web.account;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code (ISO/IEC 18004, encoded by ZXing) drawn as inline SVG: one {@code path} of unit squares, the quiet zone
 * of 4 modules the standard asks for, error correction level M. Used for the second factor's {@code otpauth://} URI,
 * which authenticator apps scan. No script, no external image.
 */
final class QrCode {
  private QrCode() {}

  /**
   * The SVG of {@code text}, with an accessible label: a viewBox of one unit per module, {@code width="100%"} and no
   * height, so that it fills its box (the page's style sheet caps the box) and stays square.
   */
  static String svg(String text, String label) {
    BitMatrix m;
    try {
      m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
    } catch (WriterException e) {
      throw new IllegalArgumentException("too long for a QR code", e);
    }
    StringBuilder d = new StringBuilder();
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        if (m.get(x, y)) {
          d.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + escape(label) + "\" width=\"100%\""
        + " viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + d
        + "\" fill=\"#000\"/></svg>";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
  }
}
