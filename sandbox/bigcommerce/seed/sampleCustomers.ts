import type { CustomerFields } from '../resources/customers/customerInput';
import type { CustomerExtras } from '../resources/customers/customerOps';

interface SampleCustomer {
	fields: CustomerFields;
	extras: CustomerExtras;
}

const address = (first: string, last: string, street: string, city: string, state: string, zip: string, country: string, phone = '') => ({
	first_name: first,
	last_name: last,
	address1: street,
	city,
	state_or_province: state,
	postal_code: zip,
	country_code: country,
	phone,
	address_type: 'residential' as const,
});

/** Ten customers across the four groups (1 Retail, 2 VIP, 3 Wholesale, 4 Platinum) and three channels. */
export function sampleCustomers(ago: (days: number) => string): SampleCustomer[] {
	return [
		{
			fields: {
				email: 'jane.doe@example.com',
				first_name: 'Jane',
				last_name: 'Doe',
				phone: '+15125550101',
				customer_group_id: 1,
				addresses: [address('Jane', 'Doe', '555 East Street', 'Austin', 'Texas', '78701', 'US', '+15125550101')],
				attributes: [
					{ attribute_id: 1, attribute_value: '1990-05-14' },
					{ attribute_id: 2, attribute_value: 'en' },
				],
			},
			extras: { store_credit: '25.00', accepts_marketing: true, date_created: ago(400) },
		},
		{ fields: { email: 'john.smith@example.com', first_name: 'John', last_name: 'Smith', phone: '+12125550102', customer_group_id: 2 }, extras: { accepts_marketing: true, date_created: ago(200) } },
		{
			fields: {
				email: 'maria.garcia@example.com',
				first_name: 'Maria',
				last_name: 'Garcia',
				company: 'Garcia Supplies LLC',
				customer_group_id: 3,
				origin_channel_id: 2,
				channel_ids: [1, 2],
				addresses: [{ ...address('Maria', 'Garcia', '200 Industrial Way', 'Houston', 'Texas', '77002', 'US'), address_type: 'commercial' as const }],
			},
			extras: { date_created: ago(150) },
		},
		{ fields: { email: 'li.wei@example.com', first_name: 'Li', last_name: 'Wei', customer_group_id: 4, phone: '+14155550104' }, extras: { store_credit: '100.00', accepts_marketing: true, date_created: ago(700) } },
		{
			fields: {
				email: 'emma.mueller@example.de',
				first_name: 'Emma',
				last_name: 'Müller',
				customer_group_id: 1,
				origin_channel_id: 3,
				addresses: [address('Emma', 'Müller', 'Hauptstraße 5', 'Berlin', 'Berlin', '10115', 'DE', '+49305550105')],
				attributes: [{ attribute_id: 2, attribute_value: 'de' }],
			},
			extras: { date_created: ago(90) },
		},
		{ fields: { email: 'noah.johnson@example.com', first_name: 'Noah', last_name: 'Johnson', customer_group_id: 0 }, extras: { date_created: ago(60) } },
		{ fields: { email: 'olivia.brown@example.com', first_name: 'Olivia', last_name: 'Brown', customer_group_id: 2, phone: '+13105550107' }, extras: { accepts_marketing: true, date_created: ago(30) } },
		{
			fields: {
				email: 'lucas.martin@example.fr',
				first_name: 'Lucas',
				last_name: 'Martin',
				customer_group_id: 1,
				origin_channel_id: 3,
				addresses: [address('Lucas', 'Martin', '12 Rue de Rivoli', 'Paris', 'Île-de-France', '75001', 'FR')],
			},
			extras: { date_created: ago(20) },
		},
		{ fields: { email: 'sophia.rossi@example.it', first_name: 'Sophia', last_name: 'Rossi', company: 'Rossi Caffè SRL', customer_group_id: 3, origin_channel_id: 2 }, extras: { date_created: ago(10) } },
		{ fields: { email: 'ava.wilson@example.com', first_name: 'Ava', last_name: 'Wilson', customer_group_id: 1 }, extras: { accepts_marketing: true, date_created: ago(5) } },
	];
}
