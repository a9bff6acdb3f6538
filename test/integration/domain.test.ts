import * as assert from 'node:assert/strict';
import type { ScriptedAnswer } from './support/scriptedInput';
import type { TestingApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/tree/nodes/base';
import { extensionApi, freshDemo, runWithAnswers, writes } from './support/env';
import { fakeState } from './support/fakeState';

type Record = {
  id: number;
  type: string;
  name: string;
  data: string;
  priority: number | null;
  port: number | null;
  weight: number | null;
  flags: number | null;
  tag: string | null;
  ttl: number;
};

describe('DNS record actions', function () {
  this.timeout(120_000);
  let api: TestingApi;
  const label = (n: ExplorerNode) => String(n.toTreeItem().label);
  const run = (command: string, arg: ExplorerNode | undefined, answers: ScriptedAnswer[]) =>
    runWithAnswers(api, `digitalocean.domain.${command}`, arg, answers);

  async function records(): Promise<Record[]> {
    return (await fakeState()).domainRecords['acme.example'];
  }

  async function domain(): Promise<ExplorerNode> {
    const [account] = await api.explorer.getChildren();
    const web = (await api.explorer.getChildren(account)).find((n) => label(n) === 'Acme Web')!;
    const group = (await api.explorer.getChildren(web)).find((n) => label(n) === 'Domains')!;
    return (await api.explorer.getChildren(group)).find((n) => label(n) === 'acme.example')!;
  }

  before(async () => {
    api = await extensionApi();
  });

  beforeEach(() => freshDemo(api));

  afterEach(() => api.setUserInput(undefined));

  it('adds a record of every type with the fields that type needs', async () => {
    const cases: [ScriptedAnswer[], Partial<Record>][] = [
      [['A', 'api', '198.51.100.7', '300'], { type: 'A', name: 'api', data: '198.51.100.7', ttl: 300 }],
      [['AAAA', 'api', '2001:db8::7', '300'], { type: 'AAAA', data: '2001:db8::7' }],
      [['CNAME', 'blog', 'hosting.example.net.', '1800'], { type: 'CNAME', data: 'hosting.example.net.' }],
      [['MX', '@', 'mx2.mail.example.', '20', '1800'], { type: 'MX', priority: 20 }],
      [['TXT', '_dmarc', 'v=DMARC1; p=none', '1800'], { type: 'TXT', data: 'v=DMARC1; p=none' }],
      [['NS', 'sub', 'ns1.other.example.', '1800'], { type: 'NS', name: 'sub' }],
      [['SRV', '_xmpp._tcp', 'chat.acme.example.', '10', '5222', '5', '1800'], { type: 'SRV', port: 5222, weight: 5, priority: 10 }],
      [['CAA', '@', 'pki.goog', 'issuewild', '0', '1800'], { type: 'CAA', tag: 'issuewild', flags: 0 }],
    ];
    for (const [answers, expected] of cases) {
      const input = await run('addRecord', await domain(), answers);
      assert.equal(input.remaining, 0, `${expected.type}: ${input.rejections.join('; ')}`);
      const added = (await records()).at(-1)!;
      for (const [key, value] of Object.entries(expected)) assert.equal(added[key as keyof Record], value, `${expected.type} ${key}`);
    }
    const shown = (await api.explorer.getChildren(await domain())).map(label);
    assert.ok(shown.includes('SRV _xmpp._tcp') && shown.includes('A api'), shown.join(', '));
  });

  it('refuses a value of the wrong type, a bad name and out-of-range numbers before any request', async () => {
    const before = await writes();
    for (const answers of [
      ['A', 'api', 'not-an-ip'],
      ['A', 'api', '2001:db8::1'],
      ['AAAA', 'api', '198.51.100.7'],
      ['CNAME', 'blog', '198.51.100.7'],
      ['A', 'has space'],
      ['MX', '@', 'mx.example.', '70000'],
      ['SRV', '_s._tcp', 'host.example.', '1', '0'],
      ['A', 'api', '198.51.100.7', '5'],
    ]) {
      const input = await run('addRecord', await domain(), answers);
      assert.equal(input.rejections.length, 1, `accepted: ${answers.join(' / ')}`);
    }
    assert.equal(await writes(), before);
  });

  it("edits a record's value and TTL, and deletes one after confirmation", async () => {
    const www = (await api.explorer.getChildren(await domain())).find((n) => label(n) === 'A www')!;
    await run('editRecord', www, ['198.51.100.99', '600']);
    const edited = (await records()).find((r) => r.type === 'A' && r.name === 'www')!;
    assert.equal(edited.data, '198.51.100.99');
    assert.equal(edited.ttl, 600);

    const rejected = await run(
      'editRecord',
      (await api.explorer.getChildren(await domain())).find((n) => label(n) === 'A www')!,
      ['nope'],
    );
    assert.equal(rejected.rejections.length, 1);

    const txt = (await api.explorer.getChildren(await domain())).find((n) => label(n) === 'TXT @')!;
    await run('deleteRecord', txt, ['Cancel']);
    assert.ok((await records()).some((r) => r.type === 'TXT'));
    await run('deleteRecord', txt, ['Delete']);
    assert.ok(!(await records()).some((r) => r.type === 'TXT'));
    assert.ok(!(await api.explorer.getChildren(await domain())).map(label).includes('TXT @'));
  });
});
