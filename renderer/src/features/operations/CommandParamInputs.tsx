import type { CommandSpec, ParamSpec } from '../../../../core/contracts/operations';
import { useCommandRequest } from './commandRequestStore';

/** The inputs of a command's parameters, from its catalogue entry (units, required marks, enums). */
export function ParamInputs({
  spec,
  values,
}: {
  spec: CommandSpec;
  values: Record<string, string | boolean>;
}) {
  const setParam = useCommandRequest.getState().setParam;
  return (
    <>
      {Object.entries(spec.params).map(([name, param]) => (
        <label key={name}>
          <span className="json-label">
            {name}
            {param.type === 'number' && param.unit !== undefined ? ` (${param.unit})` : ''}
            {spec.required.includes(name) ? ' *' : ''}
          </span>
          <ParamInput
            name={name}
            param={param}
            value={values[name]}
            onChange={(v) => setParam(name, v)}
          />
        </label>
      ))}
    </>
  );
}

function ParamInput(props: {
  name: string;
  param: ParamSpec;
  value: string | boolean | undefined;
  onChange: (value: string | boolean) => void;
}) {
  const { name, param, value, onChange } = props;
  const testId = `ops-request-param-${name}`;
  if (param.type === 'boolean') {
    return (
      <input
        type="checkbox"
        checked={value === true}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
    );
  }
  if (param.type === 'string' && param.enum !== undefined) {
    return (
      <select
        className="input"
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      >
        <option value="">—</option>
        {param.enum.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    );
  }
  return (
    <input
      className="input"
      type={param.type === 'number' ? 'number' : 'text'}
      min={param.type === 'number' ? param.minimum : undefined}
      max={param.type === 'number' ? param.maximum : undefined}
      title={param.description || undefined}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
    />
  );
}
