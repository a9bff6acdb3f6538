import * as assert from 'node:assert/strict';
import { isIpv4, isIpv6 } from '../../src/api/cidr';
import { isHostname, numberProblem, recordDataProblem, recordNameProblem } from '../../src/commands/validators';

describe('DNS record rules', () => {
  it('tell addresses and host names apart', () => {
    assert.ok(isIpv4('203.0.113.10'));
    for (const bad of ['203.0.113', '256.1.1.1', '01.2.3.4', 'a.b.c.d', '1.2.3.4.5']) assert.ok(!isIpv4(bad), bad);
    assert.ok(isIpv6('2001:db8::10'));
    assert.ok(isIpv6('::1'));
    for (const bad of ['2001:db8::g', '203.0.113.10', 'fe80::1::2', 'example.com']) assert.ok(!isIpv6(bad), bad);
    assert.ok(isHostname('mail.example.com.'));
    assert.ok(isHostname('a-b.c_d'));
    for (const bad of ['-bad.example', 'bad-.example', 'a..b', 'x'.repeat(64), `${'a.'.repeat(130)}com`]) assert.ok(!isHostname(bad), bad);
  });

  it("check each record type's value", () => {
    assert.equal(recordDataProblem('A', '198.51.100.7'), undefined);
    assert.match(recordDataProblem('A', '2001:db8::1') ?? '', /IPv4/);
    assert.match(recordDataProblem('AAAA', '198.51.100.7') ?? '', /IPv6/);
    assert.equal(recordDataProblem('CNAME', '@'), undefined);
    assert.match(recordDataProblem('CNAME', '198.51.100.7') ?? '', /not an IP address/);
    assert.match(recordDataProblem('MX', 'bad host!') ?? '', /host name/);
    assert.equal(recordDataProblem('TXT', 'v=spf1 -all'), undefined);
    assert.match(recordDataProblem('TXT', 'x'.repeat(513)) ?? '', /512/);
    assert.equal(recordDataProblem('CAA', 'letsencrypt.org'), undefined);
    assert.match(recordDataProblem('NS', '   ') ?? '', /required/);
  });

  it('check names and numbers', () => {
    for (const ok of ['@', 'www', '*.apps', '_sip._tcp', '*']) assert.equal(recordNameProblem(ok), undefined, ok);
    for (const bad of ['', 'has space', 'a..b']) assert.ok(recordNameProblem(bad), bad);
    assert.equal(numberProblem('10', 0, 65535, 'Priority'), undefined);
    assert.match(numberProblem('70000', 0, 65535, 'Priority') ?? '', /from 0 to 65535/);
    assert.match(numberProblem('-1', 0, 10, 'Port') ?? '', /whole number/);
  });
});
