import java.security.*;
import org.bouncycastle.crypto.params.*;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
/**
 * Ed25519 signing and checking of a ticket payload, the JDK 17 provider against Bouncy Castle (which
 * TicketSigner uses): same signatures, time per operation after warm-up. Run from backend/:
 *   java -cp "$(ls ~/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.84/bcprov-jdk18on-1.84.jar)" src/bench/ed25519/Ed25519Timing.java
 */
public class Ed25519Timing {
  public static void main(String[] a) throws Exception {
    KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] pk8 = kp.getPrivate().getEncoded(); byte[] spki = kp.getPublic().getEncoded();
    Ed25519PrivateKeyParameters bsk = new Ed25519PrivateKeyParameters(pk8, pk8.length - 32);
    Ed25519PublicKeyParameters bpk = new Ed25519PublicKeyParameters(spki, 12);
    byte[] msg = "GJ1.kabcdef12.eyJ0IjoxMjM0NSwibyI6NDEsImEiOjQxLCJkIjoiMjAyNi0xMS0zMCIsInAiOjN9".getBytes();
    for (int round = 0; round < 3; round++) {
      int n = 5000; long t = System.nanoTime(); byte[] sig = null;
      for (int i = 0; i < n; i++) { Signature s = Signature.getInstance("Ed25519"); s.initSign(kp.getPrivate()); s.update(msg); sig = s.sign(); }
      long jdkSign = (System.nanoTime() - t) / n;
      t = System.nanoTime();
      for (int i = 0; i < n; i++) { Signature s = Signature.getInstance("Ed25519"); s.initVerify(kp.getPublic()); s.update(msg); s.verify(sig); }
      long jdkVerify = (System.nanoTime() - t) / n;
      byte[] bsig = new byte[64];
      t = System.nanoTime();
      for (int i = 0; i < n; i++) bsk.sign(Ed25519.Algorithm.Ed25519, null, msg, 0, msg.length, bsig, 0);
      long bcSign = (System.nanoTime() - t) / n;
      t = System.nanoTime();
      for (int i = 0; i < n; i++) bpk.verify(Ed25519.Algorithm.Ed25519, null, msg, 0, msg.length, bsig, 0);
      long bcVerify = (System.nanoTime() - t) / n;
      System.out.printf("round %d: JDK sign %d us, verify %d us; BC sign %d us, verify %d us; same signature: %b%n", round, jdkSign/1000, jdkVerify/1000, bcSign/1000, bcVerify/1000, java.util.Arrays.equals(sig, bsig));
    }
  }
}
