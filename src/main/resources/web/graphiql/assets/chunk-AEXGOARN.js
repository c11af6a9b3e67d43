import{f as e}from"./chunk-D7UCVVTR.js";e();function o(){throw new Error("GraphQL subscriptions over WebSockets are not available here")}export{o as createClient};
