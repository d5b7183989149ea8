package vn.motcua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.RandomMessageIDGenerator;

/**
 * An SMSC in the test JVM: jSMPP's server side, speaking SMPP 3.4 over TCP to the application's SMS
 * channel as an operator's gateway would (bind with system id and password, submit_sm, submit_sm_resp,
 * enquire_link). Started once, on a free port, for the shared Spring context; it keeps every short message
 * of the run, so tests look for their own numbers. {@link #FAILURES} makes it answer the next submits with
 * a system error, as a gateway does when it is overloaded.
 */
public final class TestSms {

    public static final String SYSTEM_ID = "motcua";
    public static final String PASSWORD = "smpp1234";
    public static final String BRANDNAME = "UBND BADINH";
    /** The next this many submit_sm are answered ESME_RSYSERR. */
    public static final AtomicInteger FAILURES = new AtomicInteger();

    private static final List<Part> PARTS = new CopyOnWriteArrayList<>();
    private static SMPPServerSessionListener listener;
    private static int port;

    /** One submit_sm as the SMSC received it. */
    public record Part(String source, byte sourceTon, String destination, byte dataCoding, boolean udhi, byte[] payload) {
    }

    private TestSms() {
    }

    public static synchronized int port() {
        if (listener == null) {
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                listener = new SMPPServerSessionListener(port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            listener.setMessageReceiverListener(new Receiver());
            Thread acceptor = new Thread(TestSms::acceptForever, "test-smsc");
            acceptor.setDaemon(true);
            acceptor.start();
        }
        return port;
    }

    /** Every short message (part) sent to this international number, in arrival order. */
    public static List<Part> partsTo(String number) {
        port();
        return PARTS.stream().filter(part -> part.destination().equals(number)).toList();
    }

    /** The texts sent to this number, long ones joined again from their parts by the concatenation header. */
    public static List<String> textsTo(String number) {
        List<String> texts = new ArrayList<>();
        Map<Integer, String[]> open = new LinkedHashMap<>();
        for (Part part : partsTo(number)) {
            byte[] payload = part.payload();
            if (!part.udhi()) {
                texts.add(decode(payload, part.dataCoding()));
                continue;
            }
            int headerLength = payload[0] + 1;
            int reference = payload[3] & 0xFF;
            int total = payload[4] & 0xFF;
            int sequence = payload[5] & 0xFF;
            String[] pieces = open.computeIfAbsent(reference, r -> new String[total]);
            pieces[sequence - 1] = decode(Arrays.copyOfRange(payload, headerLength, payload.length), part.dataCoding());
            if (Arrays.stream(pieces).allMatch(piece -> piece != null)) {
                texts.add(String.join("", pieces));
                open.remove(reference);
            }
        }
        return texts;
    }

    private static String decode(byte[] bytes, byte dataCoding) {
        return new String(bytes, dataCoding == 0x08 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
    }

    private static void acceptForever() {
        while (true) {
            try {
                SMPPServerSession session = listener.accept();
                Thread binder = new Thread(() -> bind(session), "test-smsc-bind");
                binder.setDaemon(true);
                binder.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            if (SYSTEM_ID.equals(request.getSystemId()) && PASSWORD.equals(request.getPassword())) {
                request.accept(SYSTEM_ID);
            } else {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            }
        } catch (TimeoutException | IOException | org.jsmpp.PDUStringException e) {
            session.close();
        }
    }

    private static final class Receiver implements ServerMessageReceiverListener {

        private final RandomMessageIDGenerator ids = new RandomMessageIDGenerator();

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession session) throws ProcessRequestException {
            if (FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("test SMSC told to fail", SMPPConstant.STAT_ESME_RSYSERR);
            }
            PARTS.add(new Part(sm.getSourceAddr(), sm.getSourceAddrTon(), sm.getDestAddress(), sm.getDataCoding(),
                    sm.isUdhi(), sm.getShortMessage()));
            return new SubmitSmResult(ids.newMessageId(), new OptionalParameter[0]);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti sm, SMPPServerSession session) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm sm, SMPPServerSession session) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm sm, SMPPServerSession session) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm sm, SMPPServerSession session) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm sm, SMPPServerSession session) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm sm, SMPPServerSession session) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm sm, SMPPServerSession session)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm sm, Session session) throws ProcessRequestException {
            throw unsupported();
        }

        private static ProcessRequestException unsupported() {
            return new ProcessRequestException("not offered by the test SMSC", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
