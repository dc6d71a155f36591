import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.tsx';
import { ArrearsView } from '../money/Arrears.tsx';
import { DelaysView } from '../money/Delays.tsx';
import { OrderCreate } from '../money/OrderCreate.tsx';
import { OrderLines } from '../money/OrderLines.tsx';
import { OrderList } from '../money/OrderList.tsx';
import { useRoleRoot } from '../money/programme.ts';
import { ScopeForm } from '../money/ScopeForm.tsx';
import { useParam, useScope } from '../money/scope.ts';
import { TabPanel, Tabs } from '../money/Tabs.tsx';

type View = 'orders' | 'delays';

/**
 * Payments of a subtree and period: the payer orders the approved invoices (one order per
 * funder) and records what was paid; everyone sees delays and arrears, within their subtrees.
 */
export function Payments() {
  const { t } = useTranslation();
  const { programmeId, capability } = useSession();
  const root = useRoleRoot('payer');
  const [scope, setScope] = useScope({ unit: root ?? '', period: '' });
  const [view, setView] = useParam('view');
  const [order, setOrder] = useParam('order');
  if (!programmeId) return <p>{t('home.noProgramme')}</p>;
  const current: View = view === 'delays' ? 'delays' : 'orders';
  return (
    <section className="money">
      <h1>{t('money.payments.heading')}</h1>
      <ScopeForm key={`scope:${scope.unit}/${scope.period}`} programmeId={programmeId} scope={scope} onChange={setScope} />
      <Tabs<View>
        label={t('money.payments.heading')}
        current={current}
        onChange={(key) => setView(key === 'orders' ? null : key)}
        tabs={[
          { key: 'orders', label: t('money.payments.ordersTab') },
          { key: 'delays', label: t('money.payments.delaysTab') },
        ]}
      />
      <TabPanel id={current}>
        {current === 'orders' ? (
          <>
            <OrderCreate programmeId={programmeId} unit={scope.unit} period={scope.period} canOrder={capability('payment.order').somewhere} />
            <h2>{t('money.orders.title')}</h2>
            <OrderList programmeId={programmeId} unit={scope.unit} period={scope.period} selected={order ? Number(order) : null} onSelect={(id) => setOrder(String(id))} />
            {order && <OrderLines key={`order:${order}`} programmeId={programmeId} orderId={Number(order)} />}
          </>
        ) : (
          <>
            <DelaysView programmeId={programmeId} unit={scope.unit} period={scope.period} />
            <ArrearsView programmeId={programmeId} unit={scope.unit} />
          </>
        )}
      </TabPanel>
    </section>
  );
}
