"""The deskundigenteam's inbox: a small authenticated web app over bot.zaken."""
