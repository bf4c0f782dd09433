namespace Connectors.Core.Tests.Orders.Fixtures;

/// <summary>
/// Shopware and Sitoo payloads used as parsing fixtures.
/// <list type="bullet">
/// <item><see cref="RecordedOrder"/>: the order inside <c>app-payment-pay-with-order.json</c> from shopware/app-php-sdk
/// (MIT), trimmed to the fields the order translation reads; values unchanged.</item>
/// <item><see cref="SyntheticPromotionLine"/>: a promotion line item hand-built from Shopware core source
/// (<c>PromotionItemBuilder</c>, <c>LineItemTransformer</c>); a shape, not a recording.</item>
/// <item><see cref="SitooAddOrderExample"/>: the <c>addOrder</c> request example of the Sitoo REST API v2 description
/// by github.com/spysystem/sitoo-client (unlicense), content unchanged.</item>
/// </list>
/// </summary>
internal static class RecordedPayloads
{
    public const string RecordedOrder = """
{
  "id": "8f69d4874c53486a95383b2126161738",
  "orderNumber": "10077",
  "orderDateTime": "2023-05-04T13:36:26.557+00:00",
  "price": {
    "netPrice": 395.01,
    "totalPrice": 395.01,
    "calculatedTaxes": [],
    "taxRules": [
      {
        "taxRate": 0,
        "percentage": 100,
        "apiAlias": "cart_tax_rule"
      }
    ],
    "positionPrice": 395.01,
    "taxStatus": "gross",
    "rawTotal": 395.01,
    "apiAlias": "cart_price"
  },
  "amountTotal": 395.01,
  "amountNet": 395.01,
  "positionPrice": 395.01,
  "taxStatus": "gross",
  "shippingCosts": {
    "unitPrice": 0,
    "quantity": 1,
    "totalPrice": 0,
    "calculatedTaxes": [
      {
        "tax": 0,
        "taxRate": 0,
        "price": 0,
        "apiAlias": "cart_tax_calculated"
      }
    ],
    "taxRules": [
      {
        "taxRate": 0,
        "percentage": 100,
        "apiAlias": "cart_tax_rule"
      }
    ],
    "referencePrice": null,
    "listPrice": null,
    "regulationPrice": null,
    "apiAlias": "calculated_price"
  },
  "shippingTotal": 0,
  "salesChannelId": "9b2fe3ca29174971a645cafa4715c223",
  "customerComment": null,
  "currency": {
    "isoCode": "EUR"
  },
  "orderCustomer": {
    "email": "test@example.com",
    "firstName": "Max",
    "lastName": "Mustermann",
    "company": null,
    "customerNumber": "1337",
    "customerId": "5e5d6cd8917c45839b2f6aa7b4bf1425",
    "customer": {
      "id": "5e5d6cd8917c45839b2f6aa7b4bf1425",
      "guest": false
    }
  },
  "billingAddress": {
    "street": "Bahnhofstraße 27",
    "zipcode": "10332",
    "city": "Berlin",
    "phoneNumber": null,
    "firstName": "Max",
    "lastName": "Mustermann",
    "additionalAddressLine1": null,
    "country": {
      "iso": "GP"
    }
  },
  "deliveries": [
    {
      "shippingOrderAddress": {
        "street": "Ebbinghoff 10",
        "zipcode": "48624",
        "city": "Schöppingen",
        "phoneNumber": null,
        "firstName": "Max",
        "lastName": "Mustermann",
        "additionalAddressLine1": null,
        "country": {
          "iso": "SR"
        }
      }
    }
  ],
  "lineItems": [
    {
      "id": "5567f5758b414a2686afa1c6492c63a1",
      "identifier": "9c4734591e8d40308e0b9480523ba10f",
      "referencedId": "9c4734591e8d40308e0b9480523ba10f",
      "productId": "9c4734591e8d40308e0b9480523ba10f",
      "promotionId": null,
      "parentId": null,
      "type": "product",
      "label": "Aerodynamic Bronze Slo-Cooked Prawns",
      "quantity": 1,
      "position": 1,
      "good": true,
      "unitPrice": 395.01,
      "totalPrice": 395.01,
      "price": {
        "unitPrice": 395.01,
        "quantity": 1,
        "totalPrice": 395.01,
        "calculatedTaxes": [
          {
            "tax": 197.505,
            "taxRate": 50,
            "price": 395.01,
            "apiAlias": "cart_tax_calculated"
          }
        ],
        "taxRules": [
          {
            "taxRate": 0,
            "percentage": 100,
            "apiAlias": "cart_tax_rule"
          }
        ]
      },
      "payload": {
        "productNumber": "f3b92a7a618544308094cb4713b3ed84",
        "isCloseout": false,
        "stock": 1,
        "taxId": "9622b719f607488b9cb2bb4df28db8b4",
        "parentId": null,
        "options": [],
        "customFields": [],
        "purchasePrices": "{\"extensions\":[],\"currencyId\":\"b7d2554b0ce847cd82f3ac9bd1c0dfca\",\"net\":929.73,\"gross\":929.73,\"linked\":true,\"listPrice\":null,\"percentage\":null,\"regulationPrice\":null}"
      }
    }
  ]
}
""";

    public const string SyntheticPromotionLine = """
{
  "id": "3f6f0b8a1c2d4e5f8a9b0c1d2e3f4a5b",
  "versionId": "0fa91ce3e96a4bc2be4bd9ce752c3425",
  "orderId": "8f69d4874c53486a95383b2126161738",
  "orderVersionId": "0fa91ce3e96a4bc2be4bd9ce752c3425",
  "productId": null,
  "productVersionId": "0fa91ce3e96a4bc2be4bd9ce752c3425",
  "promotionId": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
  "parentId": null,
  "parentVersionId": "0fa91ce3e96a4bc2be4bd9ce752c3425",
  "coverId": null,
  "identifier": "d4c3b2a1f6e5d4c3b2a1f6e5d4c3b2a1",
  "referencedId": "SUMMER10",
  "quantity": 1,
  "label": "Summer sale 10%",
  "description": "Summer sale 10%",
  "good": false,
  "removable": true,
  "stackable": false,
  "position": 2,
  "price": {
    "unitPrice": -39.5,
    "quantity": 1,
    "totalPrice": -39.5,
    "calculatedTaxes": [
      {
        "tax": -6.31,
        "taxRate": 19.0,
        "price": -39.5,
        "apiAlias": "cart_tax_calculated"
      }
    ],
    "taxRules": [
      {
        "taxRate": 19.0,
        "percentage": 100.0,
        "apiAlias": "cart_tax_rule"
      }
    ],
    "referencePrice": null,
    "listPrice": null,
    "regulationPrice": null,
    "apiAlias": "calculated_price"
  },
  "priceDefinition": {
    "percentage": -10.0,
    "filter": null,
    "isCalculated": true,
    "type": "percentage",
    "apiAlias": "cart_price_percentage"
  },
  "unitPrice": -39.5,
  "totalPrice": -39.5,
  "payload": {
    "promotionId": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
    "priority": 1,
    "discountId": "d4c3b2a1f6e5d4c3b2a1f6e5d4c3b2a1",
    "discountType": "percentage",
    "code": "SUMMER10",
    "value": "10",
    "promotionCodeType": "fixed",
    "maxValue": "",
    "discountScope": "cart",
    "preventCombination": false,
    "exclusions": [],
    "groupId": "",
    "setGroups": [],
    "filter": {
      "sorterKey": null,
      "applierKey": null,
      "usageKey": null,
      "pickerKey": null
    },
    "composition": [
      {
        "id": "9c4734591e8d40308e0b9480523ba10f",
        "quantity": 1,
        "discount": 39.5
      }
    ]
  },
  "type": "promotion",
  "states": [],
  "customFields": null,
  "createdAt": "2024-05-04T13:36:26.566+00:00",
  "updatedAt": null,
  "apiAlias": "order_line_item"
}
""";

    public const string SitooAddOrderExample = """
{
  "ordertypeid": 10,
  "namefirst": "John",
  "namelast": "Smith",
  "company": "Company Inc",
  "phone": "555-1451",
  "email": "john.smith@example.com",
  "currencycode": "USD",
  "orderitems": [
    {
      "productname": "Sofa Cosy",
      "sku": "10038-2",
      "quantity": 1,
      "moneyrowprice": "125.00",
      "vatvalue": 25
    },
    {
      "productname": "Sofa Cosy",
      "sku": "83428-0",
      "quantity": 2,
      "moneyrowprice": "250.00",
      "moneyrowdiscount": "50.00",
      "vatvalue": 25
    },
    {
      "productname": "Sofa Stressless",
      "sku": "83537-0",
      "quantity": 1,
      "moneyrowprice": "106.00",
      "vatvalue": 6
    }
  ]
}
""";
}
