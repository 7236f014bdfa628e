# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'clinicdialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

class Ui_ClinicDialog(object):
    def setupUi(self, ClinicDialog):
        if not ClinicDialog.objectName():
            ClinicDialog.setObjectName(u"ClinicDialog")
        ClinicDialog.resize(560, 620)
        ClinicDialog.setWindowTitle(u"Clinic")
        self.dialogLayout = QVBoxLayout(ClinicDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.nameLabel = QLabel(ClinicDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ClinicDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.addressLabel = QLabel(ClinicDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(ClinicDialog)
        self.addressEdit.setObjectName(u"addressEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(ClinicDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(ClinicDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")
        self.phoneEdit.setMaxLength(100)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.websiteLabel = QLabel(ClinicDialog)
        self.websiteLabel.setObjectName(u"websiteLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.websiteLabel)

        self.websiteEdit = QLineEdit(ClinicDialog)
        self.websiteEdit.setObjectName(u"websiteEdit")
        self.websiteEdit.setMaxLength(500)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.websiteEdit)

        self.formatsLabel = QLabel(ClinicDialog)
        self.formatsLabel.setObjectName(u"formatsLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.formatsLabel)

        self.formatsBox = QWidget(ClinicDialog)
        self.formatsBox.setObjectName(u"formatsBox")
        self.formatsLayout = QVBoxLayout(self.formatsBox)
        self.formatsLayout.setObjectName(u"formatsLayout")
        self.formatsLayout.setContentsMargins(0, 0, 0, 0)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.formatsBox)

        self.notesLabel = QLabel(ClinicDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(ClinicDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.dialogLayout.addLayout(self.form)

        self.factsGroup = QGroupBox(ClinicDialog)
        self.factsGroup.setObjectName(u"factsGroup")
        self.factsForm = QFormLayout(self.factsGroup)
        self.factsForm.setObjectName(u"factsForm")

        self.dialogLayout.addWidget(self.factsGroup)

        self.errorLabel = QLabel(ClinicDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttons = QDialogButtonBox(ClinicDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.websiteLabel.setBuddy(self.websiteEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.websiteEdit)
        QWidget.setTabOrder(self.websiteEdit, self.notesEdit)

        self.retranslateUi(ClinicDialog)

        QMetaObject.connectSlotsByName(ClinicDialog)
    # setupUi

    def retranslateUi(self, ClinicDialog):
        self.nameLabel.setText(QCoreApplication.translate("ClinicDialog", u"&Name:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("ClinicDialog", u"Clinic name", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("ClinicDialog", u"For example: Riverside Ketamine Clinic", None))
        self.addressLabel.setText(QCoreApplication.translate("ClinicDialog", u"A&ddress or area:", None))
#if QT_CONFIG(accessibility)
        self.addressEdit.setAccessibleName(QCoreApplication.translate("ClinicDialog", u"Address or area", None))
#endif // QT_CONFIG(accessibility)
        self.phoneLabel.setText(QCoreApplication.translate("ClinicDialog", u"&Phone:", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("ClinicDialog", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.websiteLabel.setText(QCoreApplication.translate("ClinicDialog", u"&Website:", None))
#if QT_CONFIG(accessibility)
        self.websiteEdit.setAccessibleName(QCoreApplication.translate("ClinicDialog", u"Website", None))
#endif // QT_CONFIG(accessibility)
        self.formatsLabel.setText(QCoreApplication.translate("ClinicDialog", u"Treatments offered:", None))
#if QT_CONFIG(accessibility)
        self.formatsBox.setAccessibleName(QCoreApplication.translate("ClinicDialog", u"Treatments offered", None))
#endif // QT_CONFIG(accessibility)
        self.notesLabel.setText(QCoreApplication.translate("ClinicDialog", u"N&otes:", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("ClinicDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.factsGroup.setTitle(QCoreApplication.translate("ClinicDialog", u"Prices and times (leave empty if not known yet)", None))
        self.errorLabel.setText("")
        pass
    # retranslateUi

