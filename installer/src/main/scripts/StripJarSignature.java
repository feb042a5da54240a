import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar without its signature files (META-INF/*.SF, *.RSA, *.DSA, *.EC), for the packaged
 * class path: the JDK checks a signed jar's certificate chain the first time a class of it loads
 * (BouncyCastle: ~0.3–0.8 s of every start), and the AOT cache cannot hold classes of signed jars.
 * The app uses BouncyCastle's own API, never as a registered JCE provider, so nothing needs the
 * signature. Run by build-dist.sh as {@code java StripJarSignature.java IN.jar OUT.jar}.
 */
public final class StripJarSignature {
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)", Pattern.CASE_INSENSITIVE);

    public static void main(String[] args) throws IOException {
        try (InputStream raw = Files.newInputStream(Path.of(args[0]));
             ZipInputStream in = new ZipInputStream(raw);
             OutputStream rawOut = Files.newOutputStream(Path.of(args[1]));
             ZipOutputStream out = new ZipOutputStream(rawOut)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (SIGNATURE.matcher(e.getName()).matches()) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }
}
