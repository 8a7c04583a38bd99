package org.oligotrial.server.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG QR code, drawn back into pixels and read by ZXing's decoder, gives the URI it was made from. */
class QrCodeTest {
  @Test
  void theDrawnCodeReadsBackAsTheUri() throws Exception {
    String uri = "otpauth://totp/OligoTrial:li.wei?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=OligoTrial"
        + "&algorithm=SHA1&digits=6&period=30";
    String svg = QrCode.svg(uri, "QR <code> & key");
    assertThat(svg).startsWith("<svg").contains("aria-label=\"QR &lt;code> &amp; key\"").doesNotContain("<script");
    Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
    assertThat(size.find()).isTrue();
    int modules = Integer.parseInt(size.group(1));
    int scale = 4;
    int w = modules * scale;
    int[] pixels = new int[w * w];
    java.util.Arrays.fill(pixels, 0xffffffff);
    Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
    while (square.find()) {
      int x = Integer.parseInt(square.group(1));
      int y = Integer.parseInt(square.group(2));
      for (int dy = 0; dy < scale; dy++) {
        for (int dx = 0; dx < scale; dx++) {
          pixels[(y * scale + dy) * w + x * scale + dx] = 0xff000000;
        }
      }
    }
    var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, w, pixels)));
    assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(uri);
  }
}
