import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldProblems } from '../../../api/refusals';
import { PageTitle } from '../../../components/PageTitle';
import { FormError } from '../../../components/states';
import { useOrganizations } from '../../organizations/organization-hooks';
import { useAddLead, useCreateCall, type CreateCall } from './board-hooks';
import './board.css';

type Field = 'title' | 'funderId' | 'callReference' | 'url' | 'amountMin' | 'amountMax' | 'currency' | 'closesAt';
const TEXT_FIELDS: { name: Field; type: string }[] = [
  { name: 'callReference', type: 'text' },
  { name: 'url', type: 'url' },
  { name: 'amountMin', type: 'text' },
  { name: 'amountMax', type: 'text' },
  { name: 'currency', type: 'text' },
];

/** A coordinator records a grant call; its page opens once it is saved. */
export function NewCallPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const funders = useOrganizations({ funding: 'true', limit: 100 });
  const organizations = useOrganizations({ limit: 100 });
  const create = useCreateCall();
  const addLead = useAddLead();
  const [values, setValues] = useState<Record<string, string>>({ visibility: 'network' });
  const problems = fieldProblems(create.error);
  const set = (name: string) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: event.target.value }));
  const described = (name: string) => (problems[name] ? `${name}-problem` : undefined);
  const problem = (name: string) =>
    problems[name] && (
      <p id={`${name}-problem`} className="form-error">
        {problems[name]}
      </p>
    );

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const optional = (name: string) => values[name]?.trim() || undefined;
    const body: CreateCall = {
      title: values.title ?? '',
      visibility: values.visibility as CreateCall['visibility'],
      funderId: optional('funderId'),
      callReference: optional('callReference'),
      url: optional('url'),
      description: optional('description'),
      amountMin: optional('amountMin'),
      amountMax: optional('amountMax'),
      currency: optional('currency')?.toUpperCase(),
      closesAt: values.closesAt ? new Date(values.closesAt).toISOString() : undefined,
    };
    create.mutate(body, {
      onSuccess: async (call) => {
        if (values.leadId) await addLead.mutateAsync({ id: call.id, organizationId: values.leadId }).catch(() => null);
        await navigate(`/opportunities/${call.id}`);
      },
    });
  };

  return (
    <>
      <PageTitle>{t('board.newCall')}</PageTitle>
      <form className="panel call-form" onSubmit={submit} noValidate>
        <label htmlFor="title">{t('board.callTitle')}</label>
        <input
          id="title"
          required
          value={values.title ?? ''}
          onChange={set('title')}
          aria-describedby={described('title')}
          aria-invalid={!!problems.title}
        />
        {problem('title')}
        <label htmlFor="funderId">{t('board.funder')}</label>
        <select
          id="funderId"
          value={values.funderId ?? ''}
          onChange={set('funderId')}
          aria-describedby={described('funderId')}
        >
          <option value="">{t('board.none')}</option>
          {(funders.data?.items ?? []).map((f) => (
            <option key={f.id} value={f.id} translate="no">
              {f.name}
            </option>
          ))}
        </select>
        {problem('funderId')}
        <label htmlFor="leadId">{t('board.lead')}</label>
        <select id="leadId" value={values.leadId ?? ''} onChange={set('leadId')}>
          <option value="">{t('board.none')}</option>
          {(organizations.data?.items ?? [])
            .filter((o) => o.kind !== 'funder')
            .map((o) => (
              <option key={o.id} value={o.id} translate="no">
                {o.name}
              </option>
            ))}
        </select>
        {TEXT_FIELDS.map(({ name, type }) => (
          <div key={name}>
            <label htmlFor={name}>{t(`board.fields.${name}`)}</label>
            <input
              id={name}
              type={type}
              value={values[name] ?? ''}
              onChange={set(name)}
              aria-describedby={described(name)}
              aria-invalid={!!problems[name]}
            />
            {problem(name)}
          </div>
        ))}
        <label htmlFor="closesAt">{t('board.closesAtLocal')}</label>
        <input
          id="closesAt"
          type="datetime-local"
          value={values.closesAt ?? ''}
          onChange={set('closesAt')}
          aria-describedby={described('closesAt')}
        />
        {problem('closesAt')}
        <label htmlFor="visibility">{t('board.visibility')}</label>
        <select id="visibility" value={values.visibility} onChange={set('visibility')}>
          <option value="network">{t('board.visibilityNetwork')}</option>
          <option value="participants">{t('board.visibilityParticipants')}</option>
        </select>
        <label htmlFor="description">{t('board.description')}</label>
        <textarea id="description" rows={5} value={values.description ?? ''} onChange={set('description')} />
        {Object.keys(problems).length === 0 && <FormError error={create.error} />}
        {Object.keys(problems).length > 0 && (
          <p className="form-error" role="alert">
            {t('board.fixFields')}
          </p>
        )}
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? t('board.saving') : t('board.create')}
        </button>
      </form>
    </>
  );
}
