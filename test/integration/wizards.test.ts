/**
 * Every create wizard, walked the same way in the real extension host against the fake (through
 * Prism): a bad input typed at each input box first (its check must refuse it, the box stays open),
 * Back at every step from the second on (the step before shows what was chosen: it is kept by
 * answering KEEP, which fails when a quick pick preselects nothing), the step counter the same
 * on every prompt, the summary last; Esc at the summary sends nothing; the walk creates the
 * resource once, with the answers given (not the defaults).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestingApi } from '../../src/extension';
import { changes, extensionApi, freshDemo, nodeAt, runWithAnswers } from './support/env';
import { type FakeState, fakeState } from './support/fakeState';
import { stableUuid } from '../../src/demo/seed';
import { BACK, isReject, KEEP, REJECT, type ScriptedAnswer } from './support/scriptedInput';

/** The answers to one wizard step's prompts; `again` when it is shown again after Back (default: KEEP for each). */
type Step = ScriptedAnswer[] | { answers: ScriptedAnswer[]; again: ScriptedAnswer[] };

interface Walk {
  command: string;
  steps: Step[];
  /** The resource as the fake holds it afterwards: the walk made exactly one, as answered. */
  made: (data: FakeData) => unknown[];
  check: (made: Record<string, unknown>) => void;
  /** What the account must look like first (a registry is one per account: the seeded one goes). */
  setup?: (api: TestingApi) => Promise<unknown>;
}

type FakeData = FakeState;

const answersOf = (s: Step) => (Array.isArray(s) ? s : s.answers);
const againOf = (s: Step) => (Array.isArray(s) ? s.filter((a) => !isReject(a)).map(() => KEEP) : s.again);
const named = (list: unknown[], name: string, key = 'name') => list.filter((x) => (x as Record<string, unknown>)[key] === name);

/** Answers for the walk: each step's answers; from the second on, Back first and the step before again. */
function walk(steps: Step[], create = false): ScriptedAnswer[] {
  const out: ScriptedAnswer[] = [];
  steps.forEach((step, i) => {
    if (i > 0) out.push(BACK, ...againOf(steps[i - 1]));
    const answers = answersOf(step);
    // the summary (the last step) answered as asked: Esc, or its item
    out.push(...(i === steps.length - 1 && !create ? [undefined] : answers));
  });
  return out;
}

const WALKS: Walk[] = [
  {
    command: 'digitalocean.droplet.create',
    steps: [
      [REJECT('bad name'), 'walk-1'],
      ['ams3'],
      ['s-2vcpu-4gb'],
      ['Debian 12 x64'],
      [['alice-laptop']],
      ['default-ams3'],
      [['monitoring', 'ipv6']],
      ['Data Platform'],
      [REJECT('bad tag!'), 'walk'],
      ['Create walk-1'],
    ],
    made: (d) => named(d.droplets, 'walk-1'),
    check: (m) =>
      assert.deepEqual(
        [(m.region as { slug: string }).slug, m.size_slug, m.tags, (m.features as string[]).includes('ipv6')],
        ['ams3', 's-2vcpu-4gb', ['walk'], true],
      ),
  },
  {
    command: 'digitalocean.volume.create',
    steps: [[REJECT('Walk'), 'walk-vol'], [REJECT('0'), '40'], ['sfo3'], [REJECT('bad tag!'), 'walk'], ['Data Platform'], ['Create walk-vol']],
    made: (d) => named(d.volumes, 'walk-vol'),
    check: (m) => assert.deepEqual([m.size_gigabytes, (m.region as { slug: string }).slug, m.tags], [40, 'sfo3', ['walk']]),
  },
  {
    command: 'digitalocean.database.create',
    steps: [
      ['MySQL'],
      ['8'],
      ['fra1'],
      ['3 nodes'],
      ['db-s-4vcpu-8gb'],
      [REJECT('9lives'), 'walk-db'],
      ['More storage…', REJECT('25'), '200'],
      [REJECT('no spaces!'), 'walk'],
      ['Staging'],
      ['Create walk-db'],
    ],
    made: (d) => named(d.databases, 'walk-db'),
    check: (m) => assert.deepEqual([m.engine, m.num_nodes, m.size, m.storage_size_mib, m.tags], ['mysql', 3, 'db-s-4vcpu-8gb', 200 * 1024, ['walk']]),
  },
  {
    command: 'digitalocean.kubernetes.create',
    steps: [
      [REJECT('Bad_Name'), 'walk-k8s'],
      ['sfo3'],
      ['1.32.6-do.0'],
      ['default-sfo3'],
      { answers: ['Continue with 1 node pool'], again: ['Continue with 1 node pool'] },
      [['Automatic patch upgrades']],
      ['friday'],
      [REJECT('25:00'), '22:15'],
      [REJECT('no spaces!'), 'walk'],
      ['Acme Web'],
      ['Create walk-k8s'],
    ],
    made: (d) => named(d.kubernetesClusters, 'walk-k8s'),
    check: (m) =>
      assert.deepEqual(
        [m.region, m.version, m.auto_upgrade, m.maintenance_policy],
        ['sfo3', '1.32.6-do.0', true, { day: 'friday', start_time: '22:15', duration: '4h0m0s' }],
      ),
  },
  {
    command: 'digitalocean.loadBalancer.create',
    steps: [
      [REJECT('bad name!'), 'walk-lb'],
      ['nyc3'],
      ['default-nyc3'],
      [REJECT('0'), '2'],
      { answers: ['Continue with 1 forwarding rule'], again: ['Continue with 1 forwarding rule'] },
      ['Another path or port…', REJECT('http'), '80/healthz'],
      ['Sticky sessions by cookie'],
      ['Droplets in nyc3…'],
      [['web-1']],
      ['Data Platform'],
      ['Create walk-lb'],
    ],
    made: (d) => named(d.loadBalancers, 'walk-lb'),
    check: (m) =>
      assert.deepEqual(
        [m.size_unit, (m.health_check as { path: string }).path, (m.sticky_sessions as { type: string }).type, m.droplet_ids],
        [2, '/healthz', 'cookies', [311000001]],
      ),
  },
  {
    command: 'digitalocean.app.create',
    steps: [
      ['GitHub repository'],
      [REJECT('not a repo'), 'acme/walk-api'],
      [REJECT('bad..branch'), 'release'],
      ['Web service'],
      [REJECT('70000'), '3000'],
      [REJECT('9app'), 'walk-app'],
      ['fra'],
      ['apps-s-1vcpu-2gb'],
      ['Deploy only when I ask'],
      ['Create walk-app'],
    ],
    made: (d) => (d.apps as { spec: { name: string } }[]).filter((a) => a.spec.name === 'walk-app'),
    check: (m) =>
      assert.deepEqual(m.spec, {
        name: 'walk-app',
        region: 'fra',
        services: [
          {
            name: 'web',
            github: { repo: 'acme/walk-api', branch: 'release', deploy_on_push: false },
            http_port: 3000,
            instance_size_slug: 'apps-s-1vcpu-2gb',
            instance_count: 1,
          },
        ],
      }),
  },
  {
    command: 'digitalocean.cdn.create',
    steps: [
      ['Type the Space’s address…', REJECT('walk.example.com'), 'walk.nyc3.digitaloceanspaces.com'],
      ['1 day'],
      ['No custom domain'],
      ['Create the endpoint for walk'],
    ],
    made: (d) => named(d.cdnEndpoints, 'walk.nyc3.digitaloceanspaces.com', 'origin'),
    check: (m) => assert.equal(m.ttl, 86400),
  },
  {
    command: 'digitalocean.certificate.create',
    steps: [["Let's Encrypt"], [['acme-staging.example']], [REJECT('-bad'), 'walk-cert'], ['Add walk-cert']],
    made: (d) => named(d.certificates, 'walk-cert'),
    check: (m) => assert.deepEqual([m.type, m.dns_names], ['lets_encrypt', ['acme-staging.example']]),
  },
  {
    command: 'digitalocean.domain.create',
    steps: [[REJECT('not a domain'), 'walk.example'], ['Another address…', REJECT('300.1.1.1'), '192.0.2.9'], ['Staging'], ['Add walk.example']],
    made: (d) => named(d.domains, 'walk.example'),
    check: (m) => assert.equal(m.name, 'walk.example'),
  },
  {
    command: 'digitalocean.firewall.create',
    steps: [
      [REJECT('bad name!'), 'walk-fw'],
      { answers: ['Continue with 1 inbound rule'], again: ['Continue with 1 inbound rule'] },
      { answers: ['Continue with 3 outbound rules'], again: ['Continue with 3 outbound rules'] },
      [['web-1']],
      ['Create walk-fw'],
    ],
    made: (d) => named(d.firewalls, 'walk-fw'),
    check: (m) => assert.deepEqual([m.droplet_ids, (m.inbound_rules as unknown[]).length, (m.outbound_rules as unknown[]).length], [[311000001], 1, 3]),
  },
  {
    command: 'digitalocean.vpc.create',
    steps: [
      [REJECT('bad name!'), 'walk-net'],
      ['sfo3'],
      ['Enter a range…', REJECT('8.8.8.0/24'), '10.60.0.0/24'],
      [REJECT('x'.repeat(256)), 'the walk'],
      ['Create walk-net'],
    ],
    made: (d) => named(d.vpcs, 'walk-net'),
    check: (m) => assert.deepEqual([m.region, m.ip_range, m.description], ['sfo3', '10.60.0.0/24', 'the walk']),
  },
  {
    command: 'digitalocean.vpcPeering.create',
    steps: [['default-nyc3'], ['default-sfo3'], [REJECT('bad name!'), 'walk-peer'], ['Create walk-peer']],
    made: (d) => named(d.vpcPeerings, 'walk-peer'),
    check: (m) => assert.deepEqual(m.vpc_ids, [stableUuid('vpc-default-nyc3'), stableUuid('vpc-default-sfo3')]),
  },
  {
    command: 'digitalocean.natGateway.create',
    steps: [['default-nyc3'], [REJECT('bad name!'), 'walk-nat'], ['2 vCPU'], ['Only where routed'], ['Create walk-nat']],
    made: (d) => named(d.vpcNatGateways, 'walk-nat'),
    check: (m) =>
      assert.deepEqual(
        [m.region, m.size, m.vpcs],
        ['nyc3', 2, [{ vpc_uuid: stableUuid('vpc-default-nyc3'), default_gateway: false, gateway_ip: '10.10.0.5' }]],
      ),
  },
  {
    command: 'digitalocean.autoscalePool.create',
    steps: [
      [REJECT('bad name!'), 'walk-pool'],
      ['sfo3'],
      ['s-1vcpu-1gb'],
      ['Debian 12 x64'],
      [['alice-laptop']],
      ['Scale with CPU use'],
      [REJECT('0'), '2'],
      [REJECT('1'), '4'],
      [REJECT('101'), '55'],
      [REJECT('30'), '6'],
      ['Create walk-pool'],
    ],
    made: (d) => named(d.dropletAutoscalePools, 'walk-pool'),
    check: (m) =>
      assert.deepEqual(
        [
          m.config,
          (m.droplet_template as { region: string; size: string; image: string; ssh_keys: string[] }).region,
          (m.droplet_template as { size: string }).size,
        ],
        [{ min_instances: 2, max_instances: 4, target_cpu_utilization: 0.55, cooldown_minutes: 6 }, 'sfo3', 's-1vcpu-1gb'],
      ),
  },
  {
    command: 'digitalocean.nfs.create',
    steps: [[REJECT('Bad'), 'walk-nfs'], ['sfo3'], [REJECT('10'), '60'], [['default-sfo3']], ['Create walk-nfs']],
    made: (d) => named(d.nfsShares, 'walk-nfs'),
    check: (m) => assert.deepEqual([m.size_gib, m.region, m.vpc_ids], [60, 'sfo3', [stableUuid('vpc-default-sfo3')]]),
  },
  {
    command: 'digitalocean.image.create',
    steps: [
      [REJECT('ftp://images.example.com/walk.qcow2'), REJECT('https://images.example.com/walk.iso'), 'https://images.example.com/os/walk-base.qcow2.gz'],
      [REJECT(''), 'walk-image'],
      ['sfo3'],
      ['Debian'],
      [REJECT('x'.repeat(1025)), 'walked'],
      ['Import walk-image'],
    ],
    made: (d) => named(d.images, 'walk-image'),
    check: (m) => assert.deepEqual([m.distribution, m.description, m.regions, m.status], ['Debian', 'walked', ['sfo3'], 'available']),
  },
  {
    command: 'digitalocean.registry.create',
    setup: async (api) =>
      runWithAnswers(api, 'digitalocean.registry.delete', await nodeAt(api, 'Account-wide', 'Container registry', 'acme-registry'), ['acme-registry']),
    steps: [[REJECT('Walk_Registry'), 'walk-registry'], ['Professional'], ['fra1'], ['Create walk-registry']],
    made: (d) => (d.registry?.name === 'walk-registry' ? [d.registry] : []),
    check: (m) => assert.deepEqual([m.region, (m.subscription as { tier: { slug: string } }).tier.slug], ['fra1', 'professional']),
  },
  {
    command: 'digitalocean.functions.create',
    steps: [[REJECT(''), REJECT('acme-hooks'), 'walk-functions'], ['ams3'], ['Create walk-functions']],
    made: (d) => named(d.namespaces, 'walk-functions', 'label'),
    check: (m) => assert.equal(m.region, 'ams3'),
  },
  {
    command: 'digitalocean.reservedIp.create',
    steps: [['Unassigned, in a region'], ['sfo3'], ['Reserve an IP in sfo3']],
    made: (d) => (d.reservedIps as { region: { slug: string } }[]).filter((r) => r.region.slug === 'sfo3'),
    check: (m) => assert.equal(m.droplet, null),
  },
  {
    command: 'digitalocean.reservedIpv6.create',
    steps: [['sfo3'], ['Reserve an IPv6 address in sfo3']],
    made: (d) => d.reservedIpv6s.filter((r) => r.region_slug === 'sfo3'),
    check: (m) => assert.equal(m.droplet, null),
  },
  {
    command: 'digitalocean.project.create',
    steps: [[REJECT(''), 'Walk'], ['IoT'], ['Staging'], [REJECT('x'.repeat(256)), 'walked'], ['Create Walk']],
    made: (d) => named(d.projects, 'Walk'),
    check: (m) => assert.deepEqual([m.purpose, m.environment, m.description], ['IoT', 'Staging', 'walked']),
  },
  {
    command: 'digitalocean.alertPolicy.create',
    steps: [['Memory'], ['Below…'], [REJECT('120'), '15'], ['30m'], [['$(tag) worker']], [['Email']], [REJECT(''), 'walk alert'], ['Create “walk alert”']],
    made: (d) => named(d.alertPolicies, 'walk alert', 'description'),
    check: (m) =>
      assert.deepEqual([m.type, m.compare, m.value, m.window, m.tags], ['v1/insights/droplet/memory_utilization_percent', 'LessThan', 15, '30m', ['worker']]),
  },
  {
    command: 'digitalocean.uptime.create',
    steps: [
      [REJECT(''), 'walk-check'],
      ['HTTP'],
      [REJECT('ftp://walk.example'), 'http://walk.example/health'],
      [['US West']],
      { answers: ['Continue with 1 alert'], again: ['Continue with 1 alert'] },
      ['Create walk-check'],
    ],
    made: (d) => named(d.uptimeChecks, 'walk-check'),
    check: (m) => assert.deepEqual([m.type, m.target, m.regions], ['http', 'http://walk.example/health', ['us_west']]),
  },
];

describe('Every create wizard: bad input, Back at every step, the same counter, Esc sends nothing', function () {
  this.timeout(180_000);
  let api: TestingApi;

  before(async () => {
    api = await extensionApi();
  });
  beforeEach(() => freshDemo(api, 300));
  afterEach(() => api.setUserInput(undefined));

  it('walks each wizard the same way (the cases list every create command)', async () => {
    // every command whose id ends in .create is walked here (the web build lacks the Node-only ones)
    const manifest = vscode.extensions.all.find((e) =>
      e.packageJSON?.contributes?.commands?.some((c: { command: string }) => c.command === 'digitalocean.droplet.create'),
    )!.packageJSON as { contributes: { commands: { command: string }[] } };
    const creates = manifest.contributes.commands.map((c) => c.command).filter((id) => /\.create$/.test(id));
    assert.deepEqual(
      creates.filter((id) => !WALKS.some((w) => w.command === id)),
      [],
      'a create command without a walk',
    );
    assert.ok(WALKS.length >= 15);
  });

  for (const w of WALKS) {
    it(w.command, async () => {
      if (!api.commands.has(w.command)) {
        // a Node-only command in the web build: it must not be there at all (nothing to walk)
        assert.ok(!(await vscode.commands.getCommands(true)).includes(w.command), `${w.command} is in this build but not among its command families`);
        return;
      }
      await w.setup?.(api);
      const account = api.store.list()[0];
      const before = await changes();
      const declined = await runWithAnswers(api, w.command, account, walk(w.steps));
      assert.equal(declined.remaining, 0, `Esc at the summary: asked ${declined.questions.join(' | ')}`);
      assert.equal(await changes(), before, 'Esc at the summary changed nothing');

      const input = await runWithAnswers(api, w.command, account, walk(w.steps, true));
      assert.equal(input.remaining, 0, `asked: ${input.questions.join(' | ')}`);
      const bad = w.steps.flatMap(answersOf).filter(isReject).length;
      assert.equal(input.rejections.length, bad, `each bad input refused at its box: ${input.rejections.join(' | ')}`);

      // the counter: one total on every prompt, step 1 first, the summary last
      const shown = input.steps.filter(Boolean);
      assert.equal(shown.length, input.steps.length, 'every prompt shows where it stands');
      const totals = new Set(shown.map((s) => s.split('/')[1]));
      assert.equal(totals.size, 1, `one total: ${shown.join(' ')}`);
      assert.equal(shown[0], `1/${[...totals][0]}`);
      assert.equal(shown.at(-1), `${[...totals][0]}/${[...totals][0]}`, 'the summary is the last step');

      const made = w.made(await fakeState());
      assert.equal(made.length, 1, 'made once');
      w.check(made[0] as Record<string, unknown>);
    });
  }
});
