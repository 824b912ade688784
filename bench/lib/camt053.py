#!/usr/bin/env python3
"""The bank statement of bench/run's statement step (issue #18; bench/README.md, "Staging and
reconciling a camt.053 file"): valid IBANs, and a camt.053.001.08 file of credit lines that the
service's proposals can all match.

    python3 bench/lib/camt053.py iban INDEX
        A valid French IBAN (ISO 13616 check digits, RIB key), the same for the same INDEX.

    python3 bench/lib/camt053.py statement --lines N --account IBAN --payers FILE --out FILE \
        [--first 2020-10-01 --last 2020-12-31 --opening-minor 0]
        One EUR statement of N credit lines (CRDT, BOOK), laid out as the service's test generator
        (src/test/java/org/solidarityfunds/bankstatement/CamtFiles.java) lays them out. FILE has
        one payer per line, "IBAN DELIBERATION_REF" (a donor's registered IBAN, its pledge's
        deliberation reference). Line i is paid by payer i mod P; odd lines from that payer's
        IBAN (the proposal finds the donor by its account), even lines from an account nobody
        registered, the deliberation reference in the remittance text (the proposal finds the
        pledge by it). Each line has its own AcctSvcrRef; booking dates run from --first to --last
        in order; the opening balance (on the day before --first) plus the lines make the closing
        balance (on --last). Deterministic. Prints a JSON summary.
"""
import argparse
import datetime
import json
import sys

# The RIB key's digit for each letter A to Z (bank/Iban.java).
RIB_LETTER_DIGITS = "12345678912345678923456789"


def french_iban(bank, branch, account):
    digits = "".join(c if c.isdigit() else RIB_LETTER_DIGITS[ord(c) - ord("A")] for c in account)
    key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(digits)) % 97
    bban = "%s%s%s%02d" % (bank, branch, account, key)
    iso = "".join(c if c.isdigit() else str(ord(c) - ord("A") + 10) for c in bban + "FR00")
    return "FR%02d%s" % (98 - int(iso) % 97, bban)


def bench_iban(index):
    """The bench's accounts: bank 30004, branch 09999, account number 9 followed by INDEX."""
    return french_iban("30004", "09999", "9%010d" % index)


def decimal(minor):
    return "%d.%02d" % (minor // 100, minor % 100)


def statement(args):
    payers = []
    for line in open(args.payers):
        f = line.split()
        if len(f) == 2:
            payers.append((f[0], f[1]))
    if not payers:
        sys.exit("camt053.py: no payer in " + args.payers)
    first = datetime.date.fromisoformat(args.first)
    last = datetime.date.fromisoformat(args.last)
    days = (last - first).days + 1
    if days < 1:
        sys.exit("camt053.py: --last is before --first")
    stranger = bench_iban(999_999)  # an account no donor registered
    credits = 0
    by_iban = by_reference = 0
    with open(args.out, "w", encoding="utf-8") as out:
        entries = []
        for i in range(1, args.lines + 1):
            cents = 500 + (i * 7_919) % 250_000
            credits += cents
            booked = first + datetime.timedelta(days=(i - 1) * days // args.lines)
            iban, reference = payers[i % len(payers)]
            if i % 2:
                payer_iban, text = iban, "Don %d au fonds de solidarite" % i
                by_iban += 1
            else:
                payer_iban, text = stranger, "Subvention deliberation %s versement %d" % (reference, i)
                by_reference += 1
            entries.append("""      <Ntry>
        <NtryRef>E%(i)07d</NtryRef>
        <Amt Ccy="EUR">%(amount)s</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>%(day)s</Dt></BookgDt>
        <ValDt><Dt>%(day)s</Dt></ValDt>
        <AcctSvcrRef>BENCH-STMT-%(i)07d</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><EndToEndId>VIR-%(i)07d</EndToEndId></Refs>
            <RltdPties>
              <Dbtr><Pty><Nm>Payeur %(i)d</Nm></Pty></Dbtr>
              <DbtrAcct><Id><IBAN>%(iban)s</IBAN></Id></DbtrAcct>
            </RltdPties>
            <RltdAgts><DbtrAgt><FinInstnId><BICFI>BNPAFRPPXXX</BICFI></FinInstnId></DbtrAgt></RltdAgts>
            <RmtInf><Ustrd>%(text)s</Ustrd></RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
""" % {"i": i, "amount": decimal(cents), "day": booked.isoformat(), "iban": payer_iban, "text": text})
        opening = args.opening_minor
        closing = opening + credits
        opened_on = first - datetime.timedelta(days=1)
        out.write("""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>BENCH-STMT-%(n)d</MsgId><CreDtTm>%(created)sT06:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>BENCH-STMT-%(n)d</Id>
      <CreDtTm>%(created)sT06:00:00+01:00</CreDtTm>
      <Acct><Id><IBAN>%(account)s</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%(opening)s</Amt><CdtDbtInd>%(opening_side)s</CdtDbtInd><Dt><Dt>%(opened_on)s</Dt></Dt></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%(closing)s</Amt><CdtDbtInd>%(closing_side)s</CdtDbtInd><Dt><Dt>%(last)s</Dt></Dt></Bal>
""" % {"n": args.lines, "created": (last + datetime.timedelta(days=1)).isoformat(), "account": args.account,
       "opening": decimal(abs(opening)), "opening_side": "DBIT" if opening < 0 else "CRDT",
       "opened_on": opened_on.isoformat(), "closing": decimal(abs(closing)),
       "closing_side": "DBIT" if closing < 0 else "CRDT", "last": last.isoformat()})
        out.writelines(entries)
        out.write("""    </Stmt>
  </BkToCstmrStmt>
</Document>
""")
        size = out.tell()
    print(json.dumps({"lines": args.lines, "bytes": size, "payers": len(payers), "by_iban": by_iban,
                      "by_reference": by_reference, "credits_minor": credits, "opening_minor": opening,
                      "closing_minor": closing, "first": first.isoformat(), "last": last.isoformat()}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    iban = sub.add_parser("iban")
    iban.add_argument("index", type=int)
    st = sub.add_parser("statement")
    st.add_argument("--lines", type=int, required=True)
    st.add_argument("--account", required=True)
    st.add_argument("--payers", required=True)
    st.add_argument("--out", required=True)
    st.add_argument("--first", default="2020-10-01")
    st.add_argument("--last", default="2020-12-31")
    st.add_argument("--opening-minor", type=int, default=0)
    args = parser.parse_args()
    if args.command == "iban":
        print(bench_iban(args.index))
    else:
        statement(args)


if __name__ == "__main__":
    main()
