/**
 * The network map (netwerkkaart): the people and organisations around the
 * resident as an SVG with seven sectors (household … organisations) and
 * three rings (strong support near the resident, light support at the
 * edge), each person a labelled node whose shape says the kind (person,
 * professional, organisation). Every node is a button that can be reached
 * with the keyboard; the table below says the same in words. The
 * fragmentation signal warns when many professionals and organisations are
 * involved.
 */
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import * as api from '../../api/household';
import { CIRCLES, NETWORK_ORGANISATION_KINDS, SUPPORT_KINDS, type NetworkMap, type NetworkMember, type NetworkMemberInput } from '../../api/household';
import { useAnnounce } from '../../app/status';
import { useI18n } from '../../i18n/i18n';
import { fieldErrorsFromProblem, problemMessage } from '../../lib/errors';
import { summaryItems, useFormErrors, type FieldErrors } from '../../lib/form';
import { AlertBox } from '../AlertBox';
import { CheckboxFieldset } from '../CheckboxFieldset';
import { ConfirmStep, useConfirmStep } from '../ConfirmStep';
import { ErrorSummary } from '../ErrorSummary';
import { ScrollTable } from '../ScrollTable';
import { SelectField } from '../SelectField';
import { TextField } from '../TextField';
import { CIRCLE_COLOURS, MAP_SIZE, RING_RADIUS, SECTOR_LABEL_RADIUS, sideAnchor, circleIndex, nodeShape, placeNodes, polar, sectorAngles, shortLabel } from './household';
import { TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';

const FIELDS = ['circle', 'memberName', 'organisationKind', 'supportKinds', 'strength'] as const;
type Field = (typeof FIELDS)[number];
const ID: Record<Field, string> = {
  circle: 'network-circle',
  memberName: 'network-name',
  organisationKind: 'network-org-kind',
  supportKinds: 'network-support-practical',
  strength: 'network-strength',
};

export function NetworkSection({ code, fileId, network, mayEdit, onChanged }: { code: string; fileId: string; network: NetworkMap; mayEdit: boolean; onChanged: (n: NetworkMap) => void }) {
  const { t } = useI18n();
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<NetworkMember | 'new' | null>(null);
  const f = network.fragmentation;
  const chosen = network.members.find((m) => m.id === selected) ?? null;

  return (
    <>
      {f.warning ? (
        <AlertBox type="warning" className="samenspel-hh-fragmentation">
          <Paragraph>
            <strong>{t('hh.network.fragmentationWarning', { total: f.total, threshold: f.threshold })}</strong>
          </Paragraph>
          <Paragraph>{t('hh.network.fragmentationAdvice')}</Paragraph>
        </AlertBox>
      ) : (
        <Paragraph>{t('hh.network.fragmentation', { total: f.total, professionals: f.professionals, organisations: f.organisations, threshold: f.threshold })}</Paragraph>
      )}
      <NetworkMapSvg network={network} selected={selected} onSelect={setSelected} />
      {chosen && (
        <div className="samenspel-hh-node-detail" aria-live="polite">
          <Heading3>{chosen.name}</Heading3>
          <Paragraph>{memberSummary(t, chosen)}</Paragraph>
          {mayEdit && (
            <ButtonGroup>
              <Button appearance="secondary-action-button" onClick={() => setEditing(chosen)}>
                {t('hh.network.edit', { name: chosen.name })}
              </Button>
            </ButtonGroup>
          )}
        </div>
      )}
      <NetworkTable network={network} mayEdit={mayEdit} onEdit={setEditing} code={code} fileId={fileId} onChanged={onChanged} />
      {mayEdit &&
        (editing ? (
          <MemberForm
            key={editing === 'new' ? 'new' : editing.id}
            code={code}
            fileId={fileId}
            member={editing === 'new' ? null : editing}
            onDone={(next) => {
              if (next) onChanged(next);
              setEditing(null);
            }}
          />
        ) : (
          <ButtonGroup>
            <Button appearance="primary-action-button" onClick={() => setEditing('new')}>
              {t('hh.network.add')}
            </Button>
          </ButtonGroup>
        ))}
    </>
  );
}

type T = ReturnType<typeof useI18n>['t'];

function memberSummary(t: T, m: NetworkMember): string {
  const circle = t(`hh.circle.${m.circle}` as 'hh.circle.household');
  const strength = t(`hh.strength.${m.strength}` as 'hh.strength.1');
  const kinds = m.supportKinds.map((k) => t(`hh.support.${k}` as 'hh.support.practical')).join(', ');
  return kinds ? t('hh.network.nodeSummary', { circle, strength, kinds }) : t('hh.network.nodeSummaryNoKinds', { circle, strength });
}

function NetworkMapSvg({ network, selected, onSelect }: { network: NetworkMap; selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  const nodes = placeNodes(network.members);
  const centre = MAP_SIZE / 2;
  const key = (e: KeyboardEvent, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(id);
    }
  };
  return (
    <figure className="samenspel-hh-map">
      <svg viewBox={`-172 -50 ${MAP_SIZE + 344} ${MAP_SIZE + 100}`} role="group" aria-labelledby="hh-map-caption" className="samenspel-hh-map__svg">
        {[1, 2, 3].map((s) => (
          <circle key={s} cx={centre} cy={centre} r={RING_RADIUS[s]! + 35} fill="none" stroke="#c6c6c6" strokeDasharray="4 4" aria-hidden="true" />
        ))}
        {CIRCLES.map((c, i) => {
          const { start, mid } = sectorAngles(i);
          const edge = polar(300, start);
          const label = polar(SECTOR_LABEL_RADIUS, mid);
          return (
            <g key={c} aria-hidden="true">
              <line x1={centre} y1={centre} x2={edge.x} y2={edge.y} stroke="#8d8d8d" />
              <text x={label.x} y={label.y} textAnchor={sideAnchor(mid)} dominantBaseline="middle" className="samenspel-hh-map__sector" fill={CIRCLE_COLOURS[c]}>
                {t(`hh.circle.${c}`)}
              </text>
            </g>
          );
        })}
        <g aria-hidden="true">
          <circle cx={centre} cy={centre} r={30} fill="#ffffff" stroke="#161616" strokeWidth={2} />
          <text x={centre} y={centre + 5} textAnchor="middle" className="samenspel-hh-map__label">
            {t('hh.network.centre')}
          </text>
        </g>
        {nodes.map(({ member, x, y, labelX, labelY, labelAnchor }) => {
          const shape = nodeShape(member.circle);
          const colour = CIRCLE_COLOURS[member.circle as keyof typeof CIRCLE_COLOURS] ?? '#6f6f6f';
          const isSelected = member.id === selected;
          const r = 12 + member.strength * 2;
          return (
            <g
              key={member.id}
              role="button"
              tabIndex={0}
              aria-pressed={isSelected}
              aria-label={`${member.name}: ${memberSummary(t, member)}`}
              className="samenspel-hh-node"
              onClick={() => onSelect(member.id)}
              onKeyDown={(e) => key(e, member.id)}
            >
              {shape === 'circle' && <circle cx={x} cy={y} r={r} fill={colour} stroke="#161616" strokeWidth={isSelected ? 4 : 1.5} />}
              {shape === 'square' && <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={colour} stroke="#161616" strokeWidth={isSelected ? 4 : 1.5} />}
              {shape === 'diamond' && (
                <polygon points={`${x},${y - r - 3} ${x + r + 3},${y} ${x},${y + r + 3} ${x - r - 3},${y}`} fill={colour} stroke="#161616" strokeWidth={isSelected ? 4 : 1.5} />
              )}
              <text x={labelX} y={labelY} textAnchor={labelAnchor} dominantBaseline="middle" className="samenspel-hh-map__label">
                {shortLabel(member.name)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="hh-map-caption" className="samenspel-hh-map__caption">
        {t('hh.network.mapCaption')}
      </figcaption>
    </figure>
  );
}

function NetworkTable({
  network,
  mayEdit,
  onEdit,
  code,
  fileId,
  onChanged,
}: {
  network: NetworkMap;
  mayEdit: boolean;
  onEdit: (m: NetworkMember) => void;
  code: string;
  fileId: string;
  onChanged: (n: NetworkMap) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const step = useConfirmStep();
  const [removing, setRemoving] = useState<NetworkMember | null>(null);
  const members = [...network.members].sort((a, b) => circleIndex(a.circle) - circleIndex(b.circle) || b.strength - a.strength || a.name.localeCompare(b.name));

  const remove = () =>
    step.run(
      async () => {
        if (!removing) return;
        const next = await api.deleteNetworkMember(code, fileId, removing.id);
        announce(t('hh.network.removed', { name: removing.name }));
        setRemoving(null);
        onChanged(next);
      },
      (failure) => problemMessage(i18n, failure),
    );

  if (members.length === 0 && network.fromNeighbourHelp.length === 0) return <Paragraph>{t('hh.network.empty')}</Paragraph>;
  return (
    <>
      <ScrollTable caption={t('hh.network.tableCaption')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('hh.network.colName')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('hh.network.colCircle')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('hh.network.colSupport')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('hh.network.colStrength')}</TableHeaderCell>
            {mayEdit && <TableHeaderCell scope="col">{t('hh.network.colActions')}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {members.map((m) => (
            <TableRow key={m.id}>
              <TableHeaderCell scope="row">{m.name}</TableHeaderCell>
              <TableCell>
                {t(`hh.circle.${m.circle}` as 'hh.circle.household')}
                {m.organisationKind ? ` (${t(`hh.orgKind.${m.organisationKind}` as 'hh.orgKind.other')})` : ''}
              </TableCell>
              <TableCell>{m.supportKinds.map((k) => t(`hh.support.${k}` as 'hh.support.other')).join(', ') || '–'}</TableCell>
              <TableCell>{t(`hh.strength.${m.strength}` as 'hh.strength.1')}</TableCell>
              {mayEdit && (
                <TableCell>
                  <div className="samenspel-hh-row-actions">
                    <Button appearance="subtle-button" onClick={() => onEdit(m)} aria-label={t('hh.network.edit', { name: m.name })}>
                      {t('hh.network.editShort')}
                    </Button>
                    <Button
                      appearance="subtle-button"
                      ref={removing?.id === m.id ? step.startRef : undefined}
                      onClick={() => {
                        setRemoving(m);
                        step.open();
                      }}
                      aria-label={t('hh.network.remove', { name: m.name })}
                    >
                      {t('hh.network.removeShort')}
                    </Button>
                  </div>
                </TableCell>
              )}
            </TableRow>
          ))}
          {network.fromNeighbourHelp.map((v) => (
            <TableRow key={v.matchId}>
              <TableHeaderCell scope="row">{v.name}</TableHeaderCell>
              <TableCell>{t('hh.circle.volunteers')}</TableCell>
              <TableCell>{t('hh.network.fromNeighbourHelp')}</TableCell>
              <TableCell>–</TableCell>
              {mayEdit && <TableCell>–</TableCell>}
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
      {step.confirming && removing && (
        <ConfirmStep
          heading={t('hh.network.removeHeading', { name: removing.name })}
          error={step.error}
          busy={step.busy}
          yes={t('hh.network.removeYes')}
          busyLabel={t('hh.busy')}
          no={t('hh.no')}
          onYes={() => void remove()}
          onNo={() => {
            step.cancel();
          }}
        />
      )}
    </>
  );
}

function MemberForm({ code, fileId, member, onDone }: { code: string; fileId: string; member: NetworkMember | null; onDone: (n: NetworkMap | null) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const errors = useFormErrors<Field>();
  const [circle, setCircle] = useState<string>(member?.circle ?? '');
  const [name, setName] = useState(member?.name ?? '');
  const [orgKind, setOrgKind] = useState(member?.organisationKind ?? '');
  const [kinds, setKinds] = useState<string[]>(member?.supportKinds ?? []);
  const [strength, setStrength] = useState(member ? String(member.strength) : '');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problems: FieldErrors<Field> = {};
    if (!circle) problems.circle = t('fieldError.hhCircle.required');
    if (name.trim().length < 1) problems.memberName = t('fieldError.hhMemberName.required');
    else if (name.trim().length > 100) problems.memberName = t('fieldError.hhMemberName.too_long');
    if (!strength) problems.strength = t('fieldError.hhStrength.required');
    if (Object.keys(problems).length) return errors.fail(problems);
    const body: NetworkMemberInput = {
      circle: circle as NetworkMemberInput['circle'],
      name: name.trim(),
      organisationKind: circle === 'organisations' && orgKind ? (orgKind as NetworkMemberInput['organisationKind']) : null,
      supportKinds: kinds as NetworkMemberInput['supportKinds'],
      strength: Number(strength),
    };
    setBusy(true);
    try {
      const next = member ? await api.updateNetworkMember(code, fileId, member.id, body) : await api.addNetworkMember(code, fileId, body);
      announce(t(member ? 'hh.network.changed' : 'hh.network.added', { name: body.name }));
      errors.clear();
      onDone(next);
    } catch (failure) {
      const fields = fieldErrorsFromProblem(i18n, failure, FIELDS, (n) =>
        n === 'name' ? 'memberName' : n.startsWith('supportKinds') ? 'supportKinds' : (FIELDS as readonly string[]).includes(n) ? (n as Field) : null,
      );
      errors.fail(fields ?? {}, fields ? null : problemMessage(i18n, failure));
    } finally {
      setBusy(false);
    }
  };

  const defs = [
    { name: 'circle' as const, id: ID.circle, label: t('hh.network.circle') },
    { name: 'memberName' as const, id: ID.memberName, label: t('hh.network.name') },
    { name: 'organisationKind' as const, id: ID.organisationKind, label: t('hh.network.orgKind') },
    { name: 'supportKinds' as const, id: ID.supportKinds, label: t('hh.network.support') },
    { name: 'strength' as const, id: ID.strength, label: t('hh.network.strength') },
  ];
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="samenspel-form samenspel-hh-subform" aria-labelledby="hh-member-form-heading">
      <Heading3 id="hh-member-form-heading">{member ? t('hh.network.edit', { name: member.name }) : t('hh.network.add')}</Heading3>
      <ErrorSummary message={errors.message} items={summaryItems(errors.fields, defs)} attempt={errors.attempt} />
      <SelectField
        id={ID.circle}
        label={t('hh.network.circle')}
        value={circle}
        onChange={setCircle}
        error={errors.fields.circle}
        options={[{ value: '', label: t('hh.choose') }, ...CIRCLES.map((c) => ({ value: c, label: t(`hh.circle.${c}`) }))]}
      />
      <TextField id={ID.memberName} label={t('hh.network.name')} description={t('hh.network.nameHint')} value={name} onChange={setName} error={errors.fields.memberName} spellCheck={false} />
      {circle === 'organisations' && (
        <SelectField
          id={ID.organisationKind}
          label={t('hh.network.orgKind')}
          optional
          value={orgKind}
          onChange={setOrgKind}
          error={errors.fields.organisationKind}
          options={[{ value: '', label: t('hh.choose') }, ...NETWORK_ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`hh.orgKind.${k}`) }))]}
        />
      )}
      <CheckboxFieldset
        idPrefix="network-support"
        legend={t('hh.network.support')}
        optional
        columns
        values={kinds}
        onChange={setKinds}
        error={errors.fields.supportKinds}
        options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`hh.support.${k}`) }))}
      />
      <SelectField
        id={ID.strength}
        label={t('hh.network.strength')}
        description={t('hh.network.strengthHint')}
        value={strength}
        onChange={setStrength}
        error={errors.fields.strength}
        options={[{ value: '', label: t('hh.choose') }, ...[3, 2, 1].map((s) => ({ value: String(s), label: t(`hh.strength.${s}` as 'hh.strength.1') }))]}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {member ? t('hh.save') : t('hh.network.addSubmit')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => onDone(null)}>
          {t('hh.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

